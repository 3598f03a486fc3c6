package bench;

import domain.analysis.AnalysisReport;
import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.analysis.Beats;
import domain.analysis.EcgHeartRate;
import domain.analysis.Finding;
import domain.analysis.HeartRateVariability;
import domain.analysis.RhythmFindings;
import domain.analysis.SignalQuality;
import domain.ecg.Lead;
import domain.ecg.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import usecase.ecg.StandardAnalyzers;

/**
 * Scores Sinus's analysis against reference annotations and times it. For every WFDB record in a folder
 * that has reference beats ({@code .atr}, or {@code .beats.csv}) it runs all analyzers as the service does
 * and prints:
 * <ol>
 *   <li>beat detection by the ANSI/AAMI EC57 rule (±150 ms, each beat matched at most once, nearest pairs
 *       first; reference ventricular flutter/fibrillation spans masked) of the fused analysis and the F1
 *       of each lead analysed alone, with the full analysis's time (median of a warm loop on one thread)
 *       and mean HR;</li>
 *   <li>EC57 episode and duration statistics of ventricular flutter/fibrillation and of atrial
 *       fibrillation findings;</li>
 *   <li>the AAMI beat-class confusion of the matched beats, with Se and +P of V, S and F beats;</li>
 *   <li>beat detection under white noise and baseline wander at 12 and 6 dB SNR (skipped with
 *       {@code -Dbench.noise=false});</li>
 *   <li>the totals against the targets.</li>
 * </ol>
 * {@code -Dbench.verbose=true} adds per record the missed and extra beats, each lead's own score, the
 * reference rhythms, beat classes, HRV, findings and the noise stress results.
 *
 * <p>Usage: {@code src/test/bench/qrs.sh [folder] [timed runs per record]}.
 */
public final class QrsBenchmark {

    private static final double TOLERANCE_S = 0.150;
    private static final double WARM_UP_S = 2;
    private static final String AF_RHYTHM = "(AFIB";
    /** Leads whose single-lead F1 gets a column; the marker compares every lead. */
    private static final int SHOWN_LEADS = 2;

    /**
     * One record's results.
     *
     * @param fused            beats of the normal analysis of all leads, VF masked
     * @param unmasked         the same, VF spans scored too
     * @param alone            per lead, the beats of that lead analysed alone, VF masked
     * @param maskedReference  reference beats inside reference VF
     * @param maskedDetections detections inside reference VF
     * @param noisy            per {@link NoiseStress#LEVELS} level, VF masked; empty when skipped
     */
    private record RecordResult(String name, BeatMatching.Score fused, BeatMatching.Score unmasked,
                                BeatMatching.Score[] alone, double ms, long samples, EpisodeScore vf, EpisodeScore af,
                                int maskedReference, int maskedDetections, ClassConfusion classes,
                                BeatMatching.Score[] noisy) {

        boolean fusedBelowSingle() {
            return fused.f1() < Arrays.stream(alone).mapToDouble(BeatMatching.Score::f1).max().orElse(0);
        }

        double worst() {
            return Math.min(fused.sensitivity(), fused.positivePredictivity());
        }
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        boolean verbose = Boolean.getBoolean("bench.verbose");
        boolean noise = Boolean.parseBoolean(System.getProperty("bench.noise", "true"));
        List<String> records = records(folder);
        if (records.isEmpty()) {
            System.err.println("no WFDB record with reference beats (.hea + .atr or .beats.csv) in " + folder.toAbsolutePath());
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "Sinus vs reference annotations in %s: %d records, EC57 beat matching ±%.0f ms, "
                + "whole records%n%n", folder.toAbsolutePath().normalize(), records.size(), TOLERANCE_S * 1000);
        System.out.println("1. Beat detection, reference VF spans masked (fused: both leads as the service analyses them; "
                + "F1 L1/L2: that lead analysed alone; '<': fused F1 below a single lead's; ms: fused analysis)");
        System.out.printf(Locale.ROOT, "%-7s %5s %5s %4s %4s %7s %7s %7s %7s %7s %1s %7s %6s  %s%n", "record", "ref", "TP",
                "FN", "FP", "Se %", "+P %", "F1 %", "F1 L1", "F1 L2", "", "ms", "HR", "lead quality");
        List<RecordResult> results = new ArrayList<>();
        for (String record : records) {
            results.add(evaluate(folder, record, runs, noise, verbose));
        }
        beatTotals(results, runs);
        EpisodeScore vf = episodes("2. Ventricular flutter/fibrillation: reference (VF/(VFL episodes joined with [ ] "
                + "onset/end marks; detected VENTRICULAR_FLUTTER_FIBRILLATION findings", "VF", results, RecordResult::vf);
        List<String> masked = results.stream().filter(r -> r.maskedReference() + r.maskedDetections() > 0)
                .map(r -> r.name() + " " + r.maskedReference() + " reference beats, " + r.maskedDetections() + " detections")
                .toList();
        System.out.println("masked from beat scoring (inside reference VF): "
                + (masked.isEmpty() ? "none" : String.join("; ", masked)));
        System.out.println();
        EpisodeScore af = episodes("3. Atrial fibrillation: reference " + AF_RHYTHM + " episodes (not AFL); detected "
                + "ATRIAL_FIBRILLATION findings", "AF", results, RecordResult::af);
        System.out.println();
        ClassConfusion confusion = new ClassConfusion();
        results.forEach(r -> confusion.addAll(r.classes()));
        beatClasses(confusion);
        if (noise) {
            noiseStress(results);
        } else {
            System.out.println("5. Noise stress: skipped (-Dbench.noise=false)");
            System.out.println();
        }
        targets(results, vf, af, confusion);
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

    /** Analyses, scores and times one record and prints its row of the beat table. */
    private static RecordResult evaluate(Path folder, String record, int runs, boolean noise, boolean verbose)
            throws IOException {
        Recording recording = WfdbRecords.read(folder, record);
        int rate = recording.samplingRateHz();
        int tolerance = (int) Math.round(TOLERANCE_S * rate);
        ReferenceAnnotations.Annotations reference = ReferenceAnnotations.read(folder, record,
                recording.leads().get(0).numberOfSamples());
        IntPredicate inVf = sample -> Span.inAny(reference.ventricularFibrillation(), sample);
        AnalysisReport report = analyse(recording);
        Beats beats = report.find(Beats.class).orElseThrow();
        BeatMatching.Score fused = BeatMatching.score(reference.samples(), beats.samples(), tolerance, inVf);
        BeatMatching.Score[] alone = new BeatMatching.Score[recording.leads().size()];
        for (int lead = 0; lead < alone.length; lead++) {
            Recording single = new Recording(recording.date(), rate, List.of(recording.leads().get(lead)));
            alone[lead] = BeatMatching.score(reference.samples(), analyse(single).find(Beats.class).orElseThrow().samples(),
                    tolerance, inVf);
        }
        ClassConfusion classes = new ClassConfusion();
        classes.add(reference.symbols(), fused.matches(), beats.types());
        List<Finding> findings = report.find(RhythmFindings.class).orElseThrow().findings();
        RecordResult result = new RecordResult(record, fused,
                BeatMatching.score(reference.samples(), beats.samples(), tolerance), alone, time(recording, runs),
                recording.leads().stream().mapToLong(Lead::numberOfSamples).sum(),
                EpisodeScore.of(reference.ventricularFibrillation(),
                        detected(findings, Finding.Kind.VENTRICULAR_FLUTTER_FIBRILLATION, rate), rate),
                EpisodeScore.of(reference.rhythm(AF_RHYTHM), detected(findings, Finding.Kind.ATRIAL_FIBRILLATION, rate), rate),
                (int) Arrays.stream(reference.samples()).filter(inVf).count(),
                (int) Arrays.stream(beats.samples()).filter(inVf).count(), classes,
                noise ? noisy(recording, reference, record, tolerance, inVf) : new BeatMatching.Score[0]);
        EcgHeartRate heartRate = report.find(EcgHeartRate.class).orElseThrow();
        System.out.printf(Locale.ROOT, "%-7s %5d %5d %4d %4d %7.3f %7.3f %7.3f %7s %7s %1s %7.2f %6s  %s%n", record,
                fused.referenceBeats(), fused.truePositives(), fused.falseNegatives(), fused.falsePositives(),
                100 * fused.sensitivity(), 100 * fused.positivePredictivity(), 100 * fused.f1(), leadF1(alone, 0),
                leadF1(alone, 1), result.fusedBelowSingle() ? "<" : "", result.ms(),
                heartRate.available() ? String.format(Locale.ROOT, "%.1f", heartRate.meanBpm()) : "-", quality(report));
        if (verbose) {
            details(recording, report, reference, result);
        }
        return result;
    }

    /** Median wall time of the full analysis after warm-up, in ms. */
    private static double time(Recording recording, int runs) {
        long warmUntil = System.nanoTime() + (long) (WARM_UP_S * 1e9);
        while (System.nanoTime() < warmUntil) {
            analyse(recording);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            analyse(recording);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /** The findings of one kind as merged sample spans. */
    private static List<Span> detected(List<Finding> findings, Finding.Kind kind, int rate) {
        return Span.merge(findings.stream().filter(f -> f.kind() == kind)
                .map(f -> new Span((int) Math.round(f.startS() * rate), (int) Math.round(f.endS() * rate))).toList());
    }

    /** Beat detection at each noise level, VF masked. */
    private static BeatMatching.Score[] noisy(Recording recording, ReferenceAnnotations.Annotations reference,
                                              String record, int tolerance, IntPredicate inVf) {
        NoiseStress stress = new NoiseStress(recording, reference.samples(), record);
        BeatMatching.Score[] scores = new BeatMatching.Score[NoiseStress.LEVELS.size()];
        for (int level = 0; level < scores.length; level++) {
            Beats beats = analyse(stress.noisy(NoiseStress.LEVELS.get(level))).find(Beats.class).orElseThrow();
            scores[level] = BeatMatching.score(reference.samples(), beats.samples(), tolerance, inVf);
        }
        return scores;
    }

    private static BeatMatching.Score sum(List<RecordResult> results, Function<RecordResult, BeatMatching.Score> score) {
        return results.stream().map(score).reduce(BeatMatching.Score.counts(0, 0, 0), BeatMatching.Score::plus);
    }

    private static void beatTotals(List<RecordResult> results, int runs) {
        BeatMatching.Score total = sum(results, RecordResult::fused);
        double millis = results.stream().mapToDouble(RecordResult::ms).sum();
        String[] leads = IntStream.range(0, SHOWN_LEADS).mapToObj(lead -> String.format(Locale.ROOT, "%.3f",
                100 * sum(results.stream().filter(r -> r.alone().length > lead).toList(), r -> r.alone()[lead]).f1()))
                .toArray(String[]::new);
        System.out.printf(Locale.ROOT, "%-7s %5d %5d %4d %4d %7.3f %7.3f %7.3f %7s %7s %1s %7.2f%n", "TOTAL",
                total.referenceBeats(), total.truePositives(), total.falseNegatives(), total.falsePositives(),
                100 * total.sensitivity(), 100 * total.positivePredictivity(), 100 * total.f1(), leads[0], leads[1], "", millis);
        BeatMatching.Score unmasked = sum(results, RecordResult::unmasked);
        System.out.printf(Locale.ROOT, "unmasked (VF spans scored too): TP %d FN %d FP %d, Se %.3f %%, +P %.3f %%, F1 %.3f %%%n",
                unmasked.truePositives(), unmasked.falseNegatives(), unmasked.falsePositives(), 100 * unmasked.sensitivity(),
                100 * unmasked.positivePredictivity(), 100 * unmasked.f1());
        RecordResult worst = worst(results);
        RecordResult slowest = slowest(results);
        System.out.printf(Locale.ROOT, "lowest Se or +P of a record: %.3f %% (%s); time: full analysis (all %d analyzers) of "
                        + "all leads, median of %d runs per record after %.0f s of warm-up, one thread; slowest %.2f ms (%s), "
                        + "%.1fM samples/s overall%n%n", 100 * worst.worst(), worst.name(), StandardAnalyzers.all().size(),
                runs, WARM_UP_S, slowest.ms(), slowest.name(),
                results.stream().mapToLong(RecordResult::samples).sum() / millis / 1000);
    }

    private static RecordResult worst(List<RecordResult> results) {
        return results.stream().min((a, b) -> Double.compare(a.worst(), b.worst())).orElseThrow();
    }

    private static RecordResult slowest(List<RecordResult> results) {
        return results.stream().max((a, b) -> Double.compare(a.ms(), b.ms())).orElseThrow();
    }

    /** Prints the records where either side has episodes and the total; returns the total. */
    private static EpisodeScore episodes(String title, String rhythm, List<RecordResult> results,
                                         Function<RecordResult, EpisodeScore> score) {
        System.out.println(title + "; EC57 episode and duration statistics");
        System.out.printf(Locale.ROOT, "%-7s %6s %5s %6s %5s %8s %8s %8s %8s %8s %8s %8s%n", "record", "ref ep", "found",
                "det ep", "true", "ep Se %", "ep +P %", "ref s", "det s", "both s", "dur Se %", "dur +P %");
        EpisodeScore total = EpisodeScore.NONE;
        for (RecordResult result : results) {
            EpisodeScore episodes = score.apply(result);
            total = total.plus(episodes);
            if (!episodes.empty()) {
                episodeLine(result.name(), episodes);
            }
        }
        episodeLine("TOTAL", total);
        List<String> falseAlarms = falseAlarms(results, score);
        System.out.println("records with " + rhythm + " findings but no reference " + rhythm + ": "
                + (falseAlarms.isEmpty() ? "none" : String.join(" ", falseAlarms)));
        return total;
    }

    private static void episodeLine(String name, EpisodeScore e) {
        System.out.printf(Locale.ROOT, "%-7s %6d %5d %6d %5d %8s %8s %8.1f %8.1f %8.1f %8s %8s%n", name, e.referenceEpisodes(),
                e.referenceFound(), e.detectedEpisodes(), e.detectedTrue(), percent(e.episodeSensitivity()),
                percent(e.episodePositivePredictivity()), e.referenceS(), e.detectedS(), e.overlapS(),
                percent(e.durationSensitivity()), percent(e.durationPositivePredictivity()));
    }

    /** The records with detected episodes but no reference episode. */
    private static List<String> falseAlarms(List<RecordResult> results, Function<RecordResult, EpisodeScore> score) {
        Predicate<EpisodeScore> falseAlarm = e -> e.referenceEpisodes() == 0 && e.detectedEpisodes() > 0;
        return results.stream().filter(r -> falseAlarm.test(score.apply(r))).map(RecordResult::name).toList();
    }

    private static void beatClasses(ClassConfusion confusion) {
        System.out.println("4. Beat classes of the matched beats (EC57 matching, VF masked), AAMI classes as de Chazal 2004 "
                + "(N: N L R e j; S: A a J S; V: V E; F: F; Q: / f Q); rows: reference, columns: Sinus (P: paced, its own "
                + "column, not folded into Q)");
        System.out.printf("%-9s", "ref\\Sinus");
        ClassConfusion.COLUMNS.chars().forEach(c -> System.out.printf("%8c", (char) c));
        System.out.println();
        for (int row = 0; row < ClassConfusion.ROWS.length(); row++) {
            System.out.printf("%-9c", ClassConfusion.ROWS.charAt(row));
            for (int column = 0; column < ClassConfusion.COLUMNS.length(); column++) {
                System.out.printf("%8d", confusion.count(row, column));
            }
            System.out.println();
        }
        if (confusion.outsideClasses() > 0) {
            System.out.println(confusion.outsideClasses() + " matched beats with a symbol outside the AAMI classes left out");
        }
        for (char type : "VSF".toCharArray()) {
            System.out.printf(Locale.ROOT, "%c beats: Se %s, +P %s%n", type, percentage(confusion.sensitivity(type)),
                    percentage(confusion.positivePredictivity(type)));
        }
        System.out.println();
    }

    private static void noiseStress(List<RecordResult> results) {
        System.out.println("5. Noise stress, VF masked: white Gaussian noise and baseline wander (sinusoids 0.05-0.5 Hz "
                + "plus a slow random walk) at an SNR per lead as the MIT-BIH NST database defines it "
                + "(S = (mean QRS peak-to-peak, ±50 ms)^2 / 8, N = noise variance); fixed seed");
        System.out.printf(Locale.ROOT, "%-13s %6s %5s %5s %8s %8s %8s%n", "level", "TP", "FN", "FP", "Se %", "+P %", "F1 %");
        noiseLine("clean", sum(results, RecordResult::fused));
        for (int level = 0; level < NoiseStress.LEVELS.size(); level++) {
            int index = level;
            noiseLine(NoiseStress.LEVELS.get(level).label(), sum(results, r -> r.noisy()[index]));
        }
        System.out.println();
    }

    private static void noiseLine(String level, BeatMatching.Score score) {
        System.out.printf(Locale.ROOT, "%-13s %6d %5d %5d %8.3f %8.3f %8.3f%n", level, score.truePositives(),
                score.falseNegatives(), score.falsePositives(), 100 * score.sensitivity(),
                100 * score.positivePredictivity(), 100 * score.f1());
    }

    private static void targets(List<RecordResult> results, EpisodeScore vf, EpisodeScore af, ClassConfusion confusion) {
        System.out.println("6. Targets");
        BeatMatching.Score total = sum(results, RecordResult::fused);
        target("beat detection gross Se (VF masked)", ">= 99.9 %", percentage(total.sensitivity()),
                total.sensitivity() >= 0.999);
        target("beat detection gross +P (VF masked)", ">= 99.9 %", percentage(total.positivePredictivity()),
                total.positivePredictivity() >= 0.999);
        RecordResult worst = worst(results);
        target("lowest Se or +P of a record", ">= 99.0 %", percentage(worst.worst()) + " (" + worst.name() + ")",
                worst.worst() >= 0.99);
        List<String> below = results.stream().filter(RecordResult::fusedBelowSingle).map(RecordResult::name).toList();
        target("fused F1 >= best single lead, every record", "all records",
                below.isEmpty() ? "all" : "below on " + String.join(" ", below), below.isEmpty());
        target("VF reference episodes found", "all", vf.referenceFound() + " of " + vf.referenceEpisodes(),
                vf.referenceFound() == vf.referenceEpisodes());
        List<String> falseVf = falseAlarms(results, RecordResult::vf);
        target("VF findings on records without reference VF", "none", falseVf.isEmpty() ? "none" : String.join(" ", falseVf),
                falseVf.isEmpty());
        target("AF duration Se", ">= 95 %", percentage(af.durationSensitivity()), met(af.durationSensitivity(), 0.95));
        target("AF duration +P", ">= 95 %", percentage(af.durationPositivePredictivity()),
                met(af.durationPositivePredictivity(), 0.95));
        List<String> falseAf = falseAlarms(results, RecordResult::af);
        target("AF findings on records without reference AF", "none", falseAf.isEmpty() ? "none" : String.join(" ", falseAf),
                falseAf.isEmpty());
        classTarget(confusion, 'V', 0.95);
        classTarget(confusion, 'S', 0.80);
        RecordResult slowest = slowest(results);
        target("slowest full analysis of a record", "< 25 ms", String.format(Locale.ROOT, "%.2f ms (%s)", slowest.ms(),
                slowest.name()), slowest.ms() < 25);
    }

    private static void classTarget(ClassConfusion confusion, char type, double limit) {
        String target = String.format(Locale.ROOT, ">= %.0f %%", 100 * limit);
        target(type + " beat Se", target, percentage(confusion.sensitivity(type)), met(confusion.sensitivity(type), limit));
        target(type + " beat +P", target, percentage(confusion.positivePredictivity(type)),
                met(confusion.positivePredictivity(type), limit));
    }

    /** @param met null when there is nothing to measure */
    private static void target(String what, String target, String measured, Boolean met) {
        System.out.printf(Locale.ROOT, "%-46s target %-12s measured %-24s %s%n", what, target, measured,
                met == null ? "n/a (nothing to measure)" : met ? "MET" : "NOT MET");
    }

    /** Whether {@code value} reaches {@code limit}; null when it is undefined (NaN). */
    private static Boolean met(double value, double limit) {
        return Double.isNaN(value) ? null : value >= limit;
    }

    /** A ratio as a percentage for a table cell; "-" when undefined. */
    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", 100 * ratio);
    }

    /** A ratio as a percentage with its unit; "n/a" when undefined. */
    private static String percentage(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : percent(ratio) + " %";
    }

    private static String leadF1(BeatMatching.Score[] alone, int lead) {
        return lead < alone.length ? String.format(Locale.ROOT, "%.3f", 100 * alone[lead].f1()) : "-";
    }

    private static String quality(AnalysisReport report) {
        return String.join(", ", report.find(SignalQuality.class).orElseThrow().perLead().stream()
                .map(q -> q.lead() + " " + q.verdict().name().toLowerCase(Locale.ROOT) + (q.usable() ? "" : " (not used)"))
                .toList());
    }

    private static void details(Recording recording, AnalysisReport report, ReferenceAnnotations.Annotations reference,
                                RecordResult result) {
        System.out.println("    missed " + Arrays.toString(result.fused().missed()));
        System.out.println("    extra  " + Arrays.toString(result.fused().extra()));
        for (int lead = 0; lead < result.alone().length; lead++) {
            BeatMatching.Score alone = result.alone()[lead];
            System.out.printf(Locale.ROOT, "    %s alone: TP %d FN %d FP %d, Se %.3f %%, +P %.3f %%, F1 %.3f %%%n",
                    recording.leads().get(lead).name(), alone.truePositives(), alone.falseNegatives(), alone.falsePositives(),
                    100 * alone.sensitivity(), 100 * alone.positivePredictivity(), 100 * alone.f1());
        }
        System.out.println("    reference rhythms: " + (reference.rhythms().isEmpty() ? "none"
                : reference.rhythms().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(),
                        (double) Span.total(e.getValue()) / recording.samplingRateHz())).collect(Collectors.joining(", "))));
        StringBuilder table = new StringBuilder("    classes (rows: reference N S V F Q; columns: Sinus N S V F Q P):");
        for (int row = 0; row < ClassConfusion.ROWS.length(); row++) {
            table.append(' ').append(ClassConfusion.ROWS.charAt(row)).append(" [");
            for (int column = 0; column < ClassConfusion.COLUMNS.length(); column++) {
                table.append(column == 0 ? "" : " ").append(result.classes().count(row, column));
            }
            table.append(']');
        }
        System.out.println(table);
        System.out.println("    " + report.find(HeartRateVariability.class).orElseThrow());
        Map<Finding.Kind, Long> findings = report.find(RhythmFindings.class).orElseThrow().findings().stream()
                .collect(Collectors.groupingBy(Finding::kind, Collectors.counting()));
        System.out.println("    findings " + findings);
        if (result.noisy().length > 0) {
            System.out.println("    noise F1 %: " + String.join(", ", IntStream.range(0, result.noisy().length)
                    .mapToObj(level -> String.format(Locale.ROOT, "%s %.3f", NoiseStress.LEVELS.get(level).label(),
                            100 * result.noisy()[level].f1())).toList()));
        }
    }
}
