package adapters.fileformat.wfdb;

import adapters.fileformat.text.LeadNames;
import domain.InvalidInputException;
import domain.Violations;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import domain.ecg.Signal;
import domain.ecg.VoltageUnit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import usecase.port.ImportedRecording;
import usecase.port.RecordingReader;
import usecase.port.SkippedSignal;

/**
 * Reads a PhysioNet WFDB record (a {@code .hea} header and its {@code .dat} files) into a recording in
 * integer microvolts. The samples are decoded straight from the files into one {@code int[]} per lead,
 * so memory holds the result, not the files.
 */
public final class WfdbRecordReader implements RecordingReader {

    @Override
    public Format format() {
        return Format.WFDB;
    }

    @Override
    public ImportedRecording read(Files files, RecordingLimits limits) throws IOException {
        return read(files.main(), files.companions(), limits);
    }

    /** {@link #read(Path, List, RecordingLimits)} for data files with distinct names. */
    public static ImportedRecording read(Path header, Map<String, Path> dataFiles, RecordingLimits limits)
            throws IOException {
        return read(header, dataFiles.entrySet().stream().map(e -> new SourceFile(e.getKey(), e.getValue())).toList(),
                limits);
    }

    /**
     * @param header    the {@code .hea} file
     * @param dataFiles the {@code .dat} files, matched to the header's file names by their names; when the
     *                  header names one file and one is given, it is used whatever its name
     * @param limits    checked before anything is allocated: the number of leads, and the samples the
     *                  header declares or, when it declares none, the data files hold
     * @throws InvalidInputException when the header or a data file cannot be imported; the message says why
     */
    public static ImportedRecording read(Path header, List<SourceFile> dataFiles, RecordingLimits limits)
            throws IOException {
        WfdbHeader parsed = WfdbHeader.read(header);
        Plan plan = Plan.of(parsed);
        long leadCount = java.util.Arrays.stream(plan.units).filter(java.util.Objects::nonNull).count();
        if (leadCount > limits.maxLeads()) {
            throw WfdbHeader.invalid("the record has " + leadCount + " voltage signals; a recording "
                    + limits.tooManyLeads());
        }
        Map<String, Path> files = match(parsed, plan, dataFiles);
        int samples = samplesPerSignal(parsed, plan, files, limits);
        if (samples * leadCount > limits.maxSamples()) {
            throw InvalidInputException.of(COMPANION_FILES, String.format(Locale.ROOT,
                    "the record holds %,d samples per signal in %d leads; a recording %s", samples, leadCount,
                    limits.tooManySamples()));
        }

        int[][] leadSamples = new int[parsed.signals().size()][];
        for (WfdbHeader.SignalSpec spec : parsed.signals()) {
            if (plan.units[spec.index()] != null) {
                leadSamples[spec.index()] = new int[samples];
            }
        }
        Violations corrupt = new Violations();
        for (Map.Entry<String, List<WfdbHeader.SignalSpec>> file : plan.filesToRead.entrySet()) {
            decode(file.getKey(), files.get(file.getKey()), file.getValue(), samples, parsed.samplesPerSignal() != null,
                    plan, leadSamples, corrupt);
        }
        corrupt.throwIfAny();

        List<Lead> leads = new ArrayList<>();
        for (WfdbHeader.SignalSpec spec : parsed.signals()) {
            if (leadSamples[spec.index()] != null) {
                leads.add(new Lead(plan.names[spec.index()], Signal.wrap(leadSamples[spec.index()])));
            }
        }
        return new ImportedRecording(new Recording(parsed.start(), parsed.samplingRateHz(), leads), plan.skipped);
    }

    /** Which signals become leads, under which names, and which files must be read for them. */
    private static final class Plan {
        final VoltageUnit[] units;
        final String[] names;
        final List<SkippedSignal> skipped = new ArrayList<>();
        /** Every file the header names, by its base name, with its signals in header order. */
        final Map<String, List<WfdbHeader.SignalSpec>> filesNamed = new LinkedHashMap<>();
        /** The files holding at least one lead: a file of blood pressure alone need not be uploaded. */
        final Map<String, List<WfdbHeader.SignalSpec>> filesToRead = new LinkedHashMap<>();

        private Plan(int signals) {
            units = new VoltageUnit[signals];
            names = new String[signals];
        }

        static Plan of(WfdbHeader header) {
            Plan plan = new Plan(header.signals().size());
            LeadNames leadNames = new LeadNames();
            for (WfdbHeader.SignalSpec spec : header.signals()) {
                Optional<VoltageUnit> unit = VoltageUnit.of(spec.effectiveUnits());
                String file = baseName(spec.fileName());
                plan.filesNamed.computeIfAbsent(file, f -> new ArrayList<>()).add(spec);
                if (unit.isPresent()) {
                    plan.units[spec.index()] = unit.get();
                    plan.names[spec.index()] = leadNames.next(spec.description(), spec.index());
                    plan.filesToRead.computeIfAbsent(file, f -> new ArrayList<>());
                } else {
                    plan.skipped.add(new SkippedSignal(spec.index(), spec.description(), spec.units()));
                }
            }
            if (plan.filesToRead.isEmpty()) {
                throw WfdbHeader.invalid("no signal is a voltage (" + String.join(", ",
                        plan.skipped.stream().map(s -> describe(s) + " in " + s.units()).toList())
                        + "); an ECG needs at least one lead in V, mV or uV");
            }
            for (Map.Entry<String, List<WfdbHeader.SignalSpec>> file : plan.filesToRead.entrySet()) {
                List<WfdbHeader.SignalSpec> signals = plan.filesNamed.get(file.getKey());
                file.getValue().addAll(signals);
                Set<Integer> formats = new LinkedHashSet<>();
                signals.forEach(s -> formats.add(s.format()));
                if (formats.size() > 1) {
                    throw WfdbHeader.invalid("the signals of " + file.getKey() + " use different storage formats "
                            + formats + ", which is not supported");
                }
            }
            return plan;
        }

        String displayName(WfdbHeader.SignalSpec spec) {
            return names[spec.index()] != null ? names[spec.index()]
                    : describe(new SkippedSignal(spec.index(), spec.description(), spec.units()));
        }

        private static String describe(SkippedSignal signal) {
            return signal.description().isEmpty() ? "signal " + signal.index() : signal.description();
        }
    }

    /** Pairs each file the leads need with an upload; names missing and unexpected uploads. */
    private static Map<String, Path> match(WfdbHeader header, Plan plan, List<SourceFile> uploads) {
        Map<String, Path> byName = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (SourceFile upload : uploads) {
            String base = baseName(upload.name() == null ? "" : upload.name());
            if (byName.put(base, upload.path()) != null) {
                duplicates.add(base.isEmpty() ? "(without a file name)" : base);
            }
        }
        if (!duplicates.isEmpty()) {
            throw InvalidInputException.of(COMPANION_FILES, "more than one data file is named "
                    + String.join(", ", duplicates) + "; each file must be sent once, under its own name");
        }
        if (plan.filesNamed.size() == 1 && byName.size() == 1) {
            return Map.of(plan.filesNamed.keySet().iterator().next(), byName.values().iterator().next());
        }
        List<String> extra = byName.keySet().stream().filter(name -> !plan.filesNamed.containsKey(name)).toList();
        List<String> missing = plan.filesToRead.keySet().stream().filter(name -> !byName.containsKey(name)).toList();
        Violations violations = new Violations();
        if (!missing.isEmpty()) {
            violations.add(COMPANION_FILES, "missing data file(s) " + String.join(", ", missing)
                    + ": send each as a part named data, with its file name");
        }
        if (!extra.isEmpty()) {
            violations.add(COMPANION_FILES, "data file(s) " + String.join(", ", extra.stream().map(n -> n.isEmpty()
                    ? "(without a file name)" : n).toList()) + " are not named by the header of record "
                    + header.recordName() + ", which names " + String.join(", ", plan.filesNamed.keySet()));
        }
        violations.throwIfAny();
        return byName;
    }

    /**
     * The declared count, checked against each file's length; or, when the header leaves it open, what the
     * files hold.
     */
    private static int samplesPerSignal(WfdbHeader header, Plan plan, Map<String, Path> files, RecordingLimits limits)
            throws IOException {
        Long declared = header.samplesPerSignal();
        long available = Long.MAX_VALUE;
        Violations truncated = new Violations();
        for (Map.Entry<String, List<WfdbHeader.SignalSpec>> file : plan.filesToRead.entrySet()) {
            List<WfdbHeader.SignalSpec> signals = file.getValue();
            WfdbHeader.SignalSpec first = signals.get(0);
            long bytes = Math.max(0, java.nio.file.Files.size(files.get(file.getKey())) - first.byteOffset());
            long frames = WfdbFormat.of(first.format()).samplesIn(bytes) / signals.size();
            if (declared != null && frames < declared) {
                truncated.add(COMPANION_FILES, String.format(Locale.ROOT,
                        "%s is truncated: it holds %,d of %,d samples per signal", file.getKey(), frames, declared));
            } else if (declared == null && frames == 0) {
                truncated.add(COMPANION_FILES, file.getKey() + " holds no samples");
            }
            available = Math.min(available, frames);
        }
        truncated.throwIfAny();
        long samples = declared != null ? declared : available;
        if (samples > limits.maxSamplesPerLead()) {
            throw InvalidInputException.of(declared != null ? MAIN_FILE : COMPANION_FILES, String.format(Locale.ROOT,
                    "the record has %,d samples per signal; a lead %s", samples, limits.tooManySamplesPerLead()));
        }
        return (int) samples;
    }

    private static void decode(String fileName, Path file, List<WfdbHeader.SignalSpec> signals, int samples,
                               boolean verifyChecksums, Plan plan, int[][] leadSamples, Violations corrupt)
            throws IOException {
        int count = signals.size();
        WfdbFormat format = WfdbFormat.of(signals.get(0).format());
        int invalid = format.invalidSample();
        int[][] out = new int[count][];
        int[] baseline = new int[count];
        long[] integerScale = new long[count];
        double[] factor = new double[count];
        double[] gain = new double[count];
        int[] previous = new int[count];
        int[] checksum = new int[count];
        for (int s = 0; s < count; s++) {
            WfdbHeader.SignalSpec spec = signals.get(s);
            out[s] = leadSamples[spec.index()];
            baseline[s] = spec.baseline();
            VoltageUnit unit = plan.units[spec.index()];
            if (unit != null) {
                factor[s] = unit.microvoltsPerUnit();
                gain[s] = spec.gain();
                // The usual case (1000 uV/mV over a gain of 200) is an exact integer factor: no floating point.
                double scale = factor[s] / gain[s];
                integerScale[s] = scale == Math.rint(scale) && Math.abs(scale) <= Integer.MAX_VALUE ? (long) scale : 0;
            }
        }
        try (InputStream stream = new BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16);
             ByteReader bytes = new ByteReader(stream)) {
            stream.skipNBytes(signals.get(0).byteOffset());
            WfdbFormat.Decoder decoder = format.decoder(bytes);
            for (int i = 0; i < samples; i++) {
                for (int s = 0; s < count; s++) {
                    int adc = decoder.next();
                    checksum[s] += adc;
                    int[] target = out[s];
                    if (target == null) {
                        continue;
                    }
                    if (adc == invalid) {
                        target[i] = previous[s]; // a gap in the recording: hold the last valid value
                        continue;
                    }
                    long microvolts = integerScale[s] != 0 ? ((long) adc - baseline[s]) * integerScale[s]
                            : VoltageUnit.round(((double) adc - baseline[s]) * factor[s] / gain[s]);
                    if ((int) microvolts != microvolts) {
                        throw InvalidInputException.of(COMPANION_FILES, String.format(Locale.ROOT,
                                "%s: sample %,d of signal %s is %,d uV, beyond the 32-bit range Sinus stores",
                                fileName, i, plan.displayName(signals.get(s)), microvolts));
                    }
                    target[i] = (int) microvolts;
                    previous[s] = (int) microvolts;
                }
            }
        }
        if (verifyChecksums) {
            for (int s = 0; s < count; s++) {
                Integer expected = signals.get(s).checksum();
                if (expected != null && (short) checksum[s] != (short) (int) expected) {
                    corrupt.add(COMPANION_FILES, "checksum of signal " + plan.displayName(signals.get(s))
                            + " does not match the header: the data file is corrupt or belongs to another record");
                }
            }
        }
    }

    /** The last component of a path as browsers and headers may write it: {@code dir/100.dat}, {@code C:\x\100.dat}. */
    static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
