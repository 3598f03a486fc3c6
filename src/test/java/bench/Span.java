package bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stretch of a record in samples, {@code [start, end)}: a reference rhythm episode or a detected
 * finding.
 */
record Span(int start, int end) {

    Span {
        if (end < start) {
            throw new IllegalArgumentException("a span cannot end before it starts: " + start + ".." + end);
        }
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** The spans in time order with overlapping and touching ones joined, empty ones dropped. */
    static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans.stream().filter(s -> s.length() > 0).toList());
        sorted.sort(Comparator.comparingInt(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start <= last.end) {
                merged.set(merged.size() - 1, new Span(last.start, Math.max(last.end, span.end)));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** Samples covered by both lists; each list must be merged (sorted, disjoint). */
    static long overlap(List<Span> a, List<Span> b) {
        long total = 0;
        int j = 0;
        for (Span span : a) {
            while (j < b.size() && b.get(j).end <= span.start) {
                j++;
            }
            for (int k = j; k < b.size() && b.get(k).start < span.end; k++) {
                total += Math.min(span.end, b.get(k).end) - Math.max(span.start, b.get(k).start);
            }
        }
        return total;
    }

    /** Whether {@code sample} lies in one of the merged {@code spans}. */
    static boolean inAny(List<Span> spans, int sample) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Span span = spans.get(mid);
            if (sample < span.start) {
                high = mid - 1;
            } else if (sample >= span.end) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Samples covered by the spans. */
    static long total(List<Span> spans) {
        return spans.stream().mapToLong(Span::length).sum();
    }
}
