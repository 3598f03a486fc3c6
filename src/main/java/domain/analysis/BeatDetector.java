package domain.analysis;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Detects the beats of a recording: {@link QrsDetector} on every lead fit for it (see
 * {@link SignalQualityAnalyzer}), the leads fused by {@link LeadFusion}, and each beat classified
 * by {@link BeatClassifier}.
 */
public final class BeatDetector implements Analyzer {

    public static final int MIN_SAMPLING_RATE_HZ = 100;

    @Override
    public Beats analyse(Recording recording, AnalysisReport earlier) {
        Integer rate = recording.samplingRateHz();
        if (rate == null) {
            return Beats.unavailable("the recording has no sampling_rate_hz, which beat detection needs");
        }
        if (rate < MIN_SAMPLING_RATE_HZ) {
            return Beats.unavailable("beat detection needs at least " + MIN_SAMPLING_RATE_HZ
                    + " samples per second; the recording has " + rate);
        }
        List<Lead> leads = recording.leads();
        SignalQuality signalQuality = earlier.find(SignalQuality.class)
                .orElseGet(() -> new SignalQualityAnalyzer().analyse(recording, earlier));
        List<LeadQuality> quality = signalQuality.perLead();
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            if (quality.get(i).usable() && i < Integer.SIZE - 1) {
                usable.add(i);
            }
        }
        if (usable.isEmpty()) {
            return Beats.unavailable("no lead is fit for beat detection: " + String.join(", ", quality.stream()
                    .map(q -> q.lead() + " " + q.verdict().name().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        if (usable.size() > LeadFusion.MAX_LEADS) {
            usable = usable.subList(0, LeadFusion.MAX_LEADS);
        }
        QrsDetector.Detections[] detections = new QrsDetector.Detections[usable.size()];
        Signal[] signals = new Signal[usable.size()];
        int[] indices = new int[usable.size()];
        for (int k = 0; k < usable.size(); k++) {
            indices[k] = usable.get(k);
            signals[k] = leads.get(indices[k]).signal();
            float[] band = signalQuality.band(indices[k]);
            detections[k] = band != null ? QrsDetector.detect(signals[k], rate, band) : QrsDetector.detect(signals[k], rate);
        }
        LeadFusion.Fused fused = LeadFusion.fuse(detections, signals, indices, rate);
        int[] peaks = fused.peaks();
        int[] masks = fused.leadMasks();
        int kept = 0;
        for (int i = 0; i < peaks.length; i++) {
            if (kept == 0 || peaks[i] > peaks[kept - 1]) {
                peaks[kept] = peaks[i];
                masks[kept] = masks[i];
                kept++;
            }
        }
        peaks = Arrays.copyOf(peaks, kept);
        masks = Arrays.copyOf(masks, kept);
        BeatType[] types = BeatClassifier.classify(signals, indices, peaks, masks, rate);
        return new Beats(rate, peaks, masks, types, leads.stream().map(Lead::name).toList());
    }
}
