package adapters.persistence;

import domain.analysis.Beats;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The beats of the ECGs read lately, decoded, by ECG and revision: a viewer panning through a 24-hour recording
 * (100,000 beats) asks for windows of the same beats again and again. A revision's beats never change (a new
 * recording is a new revision), so an entry is never stale, on any instance. Bounded by the beats it holds (about
 * 12 bytes each), least recently used first out.
 */
final class DecodedBeats {

    private final long maxBeats;
    private final LinkedHashMap<String, Beats> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    DecodedBeats(long maxBeats) {
        this.maxBeats = maxBeats;
    }

    synchronized Beats get(String version) {
        return entries.get(version);
    }

    synchronized void put(String version, Beats beats) {
        if (!beats.available() || beats.count() > maxBeats) {
            return;
        }
        Beats previous = entries.put(version, beats);
        held += beats.count() - (previous == null ? 0 : previous.count());
        for (Iterator<Map.Entry<String, Beats>> oldest = entries.entrySet().iterator(); held > maxBeats && oldest.hasNext(); ) {
            held -= oldest.next().getValue().count();
            oldest.remove();
        }
    }
}
