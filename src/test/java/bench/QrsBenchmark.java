package bench;

import domain.analysis.AnalysisReport;
import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.analysis.BeatType;
import domain.analysis.Beats;
import domain.analysis.EcgHeartRate;
import domain.analysis.HeartRateVariability;
import domain.analysis.RhythmFindings;
import domain.analysis.SignalQuality;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import usecase.ecg.StandardAnalyzers;

/**
 * Scores Sinus's beat detection against reference annotations and times the full analysis.
 * For every WFDB record in a folder that has reference beats ({@code .atr}, or {@code .beats.csv}),
 * it runs all analyzers as the service does and compares the beats with the reference by the
 * ANSI/AAMI EC57 rule (±150 ms, each beat matched at most once, nearest pairs first), then times
 * the full analysis in a warm loop on one thread.
 *
 * <p>Usage: {@code src/test/bench/qrs.sh [folder] [timed runs per record]}.
 */
public final class QrsBenchmark {

    private static final double TOLERANCE_S = 0.150;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        boolean verbose = Boolean.getBoolean("bench.verbose");
        List<String> records = records(folder);
        if (records.isEmpty()) {
            System.err.println("no WFDB record with reference beats (.hea + .atr or .beats.csv) in " + folder.toAbsolutePath());
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "Sinus beat detection vs reference annotations in %s (EC57, ±%.0f ms, whole records)%n%n",
                folder.toAbsolutePath().normalize(), TOLERANCE_S * 1000);
        System.out.printf(Locale.ROOT, "%-8s %6s %6s %4s %4s %8s %8s %8s %9s %12s   %s%n", "record", "ref", "TP", "FN",
                "FP", "Se %", "+P %", "F1 %", "ms", "samples/s", "mean HR; lead quality");
        int tp = 0;
        int fn = 0;
        int fp = 0;
        long samples = 0;
        double millis = 0;
        double worst = 100;
        for (String record : records) {
            Recording recording = WfdbRecords.read(folder, record);
            ReferenceAnnotations.Beats reference = ReferenceAnnotations.read(folder, record);
            AnalysisReport report = analyse(recording);
            Beats beats = report.find(Beats.class).orElseThrow();
            BeatMatching.Score score = BeatMatching.score(reference.samples(), beats.samples(),
                    (int) Math.round(TOLERANCE_S * recording.samplingRateHz()));
            long recordSamples = recording.leads().stream().mapToLong(Lead::numberOfSamples).sum();
            double ms = time(recording, runs);
            tp += score.truePositives();
            fn += score.falseNegatives();
            fp += score.falsePositives();
            samples += recordSamples;
            millis += ms;
            worst = Math.min(worst, Math.min(score.sensitivity(), score.positivePredictivity()) * 100);
            EcgHeartRate rate = report.find(EcgHeartRate.class).orElseThrow();
            System.out.printf(Locale.ROOT, "%-8s %6d %6d %4d %4d %8.3f %8.3f %8.3f %9.2f %12s   %s bpm; %s%n", record,
                    reference.count(), score.truePositives(), score.falseNegatives(), score.falsePositives(),
                    100 * score.sensitivity(), 100 * score.positivePredictivity(), 100 * score.f1(), ms,
                    perSecond(recordSamples, ms), rate.meanBpm(), quality(report));
            if (verbose) {
                details(report, reference, score, recording.samplingRateHz());
            }
        }
        BeatMatching.Score total = new BeatMatching.Score(tp, fn, fp, new int[0], new int[0]);
        System.out.printf(Locale.ROOT, "%-8s %6d %6d %4d %4d %8.3f %8.3f %8.3f %9.2f %12s%n", "TOTAL", tp + fn, tp, fn, fp,
                100 * total.sensitivity(), 100 * total.positivePredictivity(), 100 * total.f1(), millis,
                perSecond(samples, millis));
        System.out.printf(Locale.ROOT, "%nlowest Se or +P of a record: %.3f %%; full analysis (all %d analyzers), "
                        + "median of %d runs per record after 2 s of warm-up, one thread%n", worst, StandardAnalyzers.all().size(), runs);
    }

    private static List<String> records(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hea"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(r -> Files.exists(folder.resolve(r + ".atr")) || Files.exists(folder.resolve(r + ".beats.csv")))
                    .sorted().toList();
        }
    }

    public static AnalysisReport analyse(Recording recording) {
        List<AnalysisResult> results = new ArrayList<>();
        for (Analyzer analyzer : StandardAnalyzers.all()) {
            results.add(analyzer.analyse(recording, new AnalysisReport(results)));
        }
        return new AnalysisReport(results);
    }

    /** Median wall time of the full analysis after warm-up, in ms. */
    private static double time(Recording recording, int runs) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            analyse(recording);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            analyse(recording);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }

    private static String perSecond(long samples, double ms) {
        return String.format(Locale.ROOT, "%.1fM", samples / ms / 1000);
    }

    private static String quality(AnalysisReport report) {
        return String.join(", ", report.find(SignalQuality.class).orElseThrow().perLead().stream()
                .map(q -> q.lead() + " " + q.verdict().name().toLowerCase(Locale.ROOT) + (q.usable() ? "" : " (not used)"))
                .toList());
    }

    private static void details(AnalysisReport report, ReferenceAnnotations.Beats reference, BeatMatching.Score score, int rate) {
        System.out.println("    missed " + java.util.Arrays.toString(score.missed()));
        System.out.println("    extra  " + java.util.Arrays.toString(score.extra()));
        Beats beats = report.find(Beats.class).orElseThrow();
        int[] confusion = new int[4 * 3];
        int[] detected = beats.samples();
        int j = 0;
        for (int i = 0; i < reference.count(); i++) {
            while (j < detected.length - 1 && Math.abs(detected[j + 1] - reference.samples()[i]) < Math.abs(detected[j] - reference.samples()[i])) {
                j++;
            }
            if (detected.length > 0 && Math.abs(detected[j] - reference.samples()[i]) <= TOLERANCE_S * rate) {
                char r = reference.symbols()[i];
                int row = "VE".indexOf(r) >= 0 ? 1 : "AaJSjen".indexOf(r) >= 0 ? 2 : 0;
                confusion[beats.type(j).ordinal() * 3 + row]++;
            }
        }
        System.out.println("    classes (rows: Sinus N S V Q; columns: reference N, V, S): " + java.util.Arrays.toString(confusion));
        System.out.println("    " + report.find(HeartRateVariability.class).orElseThrow());
        System.out.println("    " + report.find(RhythmFindings.class).orElseThrow().findings().stream()
                .collect(java.util.stream.Collectors.groupingBy(f -> f.kind(), java.util.stream.Collectors.counting())));
    }
}
