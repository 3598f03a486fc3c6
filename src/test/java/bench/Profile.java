package bench;
import domain.analysis.*;
import java.util.*;
public final class Profile {
    public static void main(String[] a) throws Exception {
        var rec = Probe.read(a.length > 0 ? a[0] : "100");
        var analyzers = usecase.ecg.StandardAnalyzers.all();
        double[] t = new double[analyzers.size()];
        for (int run = 0; run < 60; run++) {
            List<AnalysisResult> results = new ArrayList<>();
            for (int k = 0; k < analyzers.size(); k++) {
                long s = System.nanoTime();
                results.add(analyzers.get(k).analyse(rec, new AnalysisReport(results)));
                if (run >= 20) t[k] += (System.nanoTime() - s) / 1e6 / 40;
            }
        }
        for (int k = 0; k < t.length; k++) System.out.printf("%s %.2f ms%n", analyzers.get(k).getClass().getSimpleName(), t[k]);
        var sig = rec.leads().get(0).signal();
        for (int run = 0; run < 40; run++) QrsDetector.detect(sig, 360);
        long s = System.nanoTime();
        for (int run = 0; run < 20; run++) QrsDetector.detect(sig, 360);
        System.out.printf("QrsDetector one lead %.2f ms%n", (System.nanoTime() - s) / 1e6 / 20);
    }
}
