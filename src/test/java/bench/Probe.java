package bench;
public final class Probe {
    public static domain.ecg.Recording read(String r) throws Exception { return WfdbRecords.read(java.nio.file.Path.of("../shared/data"), r); }
    public static int[] refSamples(String r) throws Exception { return ReferenceAnnotations.read(java.nio.file.Path.of("../shared/data"), r).samples(); }
    public static char[] refSymbols(String r) throws Exception { return ReferenceAnnotations.read(java.nio.file.Path.of("../shared/data"), r).symbols(); }
}
