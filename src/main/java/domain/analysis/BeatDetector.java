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
 * by {@link BeatClassifier}. Pacemaker spikes ({@link PacingSpikes}) are first cut out of the signal,
 * so none counts as a beat or sets a beat's position, and a beat that follows one is paced. Detections inside ventricular flutter or fibrillation (see
 * {@link VentricularFibrillationAnalyzer}) are its waves, not beats, and are dropped; the beat after
 * such a span starts a new series of RR intervals.
 */
public final class BeatDetector implements Analyzer {

    public static final int MIN_SAMPLING_RATE_HZ = 100;

    /** The longest time from a pacing spike to the R peak of the beat it triggers: an AV delay and a wide QRS. */
    static final double PACED_WITHIN_S = 0.35;

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
        int[] spikes = PacingSpikes.find(leads.stream().map(Lead::signal).toArray(Signal[]::new), rate);
        for (int k = 0; k < usable.size(); k++) {
            indices[k] = usable.get(k);
            signals[k] = PacingSpikes.blanked(leads.get(indices[k]).signal(), spikes, rate);
            float[] band = spikes.length == 0 ? signalQuality.band(indices[k]) : null;
            detections[k] = band != null ? QrsDetector.detect(signals[k], rate, band) : QrsDetector.detect(signals[k], rate);
        }
        LeadFusion.Fused fused = LeadFusion.fuse(detections, signals, indices, rate);
        int[] peaks = fused.peaks();
        int[] masks = fused.leadMasks();
        VentricularFibrillation fibrillation = earlier.find(VentricularFibrillation.class)
                .orElseGet(() -> new VentricularFibrillationAnalyzer().analyse(recording, earlier));
        int kept = 0;
        for (int i = 0; i < peaks.length; i++) {
            if ((kept == 0 || peaks[i] > peaks[kept - 1]) && !fibrillation.contains(peaks[i])) {
                peaks[kept] = peaks[i];
                masks[kept] = masks[i];
                kept++;
            }
        }
        peaks = Arrays.copyOf(peaks, kept);
        masks = Arrays.copyOf(masks, kept);
        int[] breaks = new int[fibrillation.count()];
        int breakCount = 0;
        for (int i = 1; i < kept && breakCount < breaks.length; i++) {
            if (fibrillation.interrupts(peaks[i - 1], peaks[i])) {
                breaks[breakCount++] = i;
            }
        }
        breaks = Arrays.copyOf(breaks, breakCount);
        BeatType[] types = BeatClassifier.classify(signals, indices, peaks, masks, rate);
        paced(types, peaks, spikes, rate);
        return new Beats(rate, peaks, masks, types, leads.stream().map(Lead::name).toList(), breaks);
    }

    /** A beat with a pacing spike in the {@value #PACED_WITHIN_S} s before its R peak was triggered by the pacemaker. */
    private static void paced(BeatType[] types, int[] peaks, int[] spikes, int rate) {
        int within = (int) Math.round(PACED_WITHIN_S * rate);
        int s = 0;
        for (int i = 0; i < peaks.length && spikes.length > 0; i++) {
            while (s < spikes.length && spikes[s] < peaks[i] - within) {
                s++;
            }
            if (s < spikes.length && spikes[s] < peaks[i] && types[i] != BeatType.UNCLASSIFIED) {
                types[i] = BeatType.PACED;
            }
        }
    }
}
