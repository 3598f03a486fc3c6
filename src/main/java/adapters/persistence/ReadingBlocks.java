package adapters.persistence;

import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The binary layout of a block of heart-rate readings (a row of {@code heart_rate_blocks}): a format byte; the
 * devices named in the block (count, then each as length and UTF-8); the number of readings; then per reading, in
 * time order, the milliseconds since the block's first reading and since the reading before (varint), its bpm (one
 * byte: 40–180 fit), its alert (one byte: 0 none, 1 low, 2 high) and its device (varint: 0 none, else 1 + its index).
 * A reading at one per second costs about 4 bytes.
 */
final class ReadingBlocks {

    static final int FORMAT = 1;
    /** A block spans at most this much time, so that a time range finds its blocks in one index range. */
    static final long SPAN_MILLIS = Duration.ofHours(1).toMillis();
    /** Readings per block at most: what one read decodes at least is bounded. */
    static final int MAX_READINGS = 1024;

    private ReadingBlocks() {
    }

    /** A block to store: its readings sorted by time (arrival order within a millisecond). */
    record Block(long firstAt, long lastAt, List<Reading> readings) {
    }

    /** One decoded reading with the block order it came in, for a stable merge of blocks. */
    record Entry(long millis, long seq, int index, Reading reading) {
        static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::millis).thenComparingLong(Entry::seq)
                .thenComparingInt(Entry::index);
    }

    /** Cuts readings (of one owner, in arrival order) into blocks of at most an hour and {@link #MAX_READINGS}. */
    static List<Block> cut(List<Reading> readings) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Reading::time)); // stable: arrival order within a millisecond
        List<Block> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean end = i == sorted.size() || i - start == MAX_READINGS
                    || sorted.get(i).time().toEpochMilli() - sorted.get(start).time().toEpochMilli() >= SPAN_MILLIS;
            if (end) {
                List<Reading> part = sorted.subList(start, i);
                blocks.add(new Block(part.get(0).time().toEpochMilli(), part.get(part.size() - 1).time().toEpochMilli(),
                        List.copyOf(part)));
                start = i;
            }
        }
        return blocks;
    }

    static byte[] encode(Block block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + block.readings().size() * 4);
        out.write(FORMAT);
        List<String> devices = new ArrayList<>();
        for (Reading reading : block.readings()) {
            if (reading.device() != null && !devices.contains(reading.device())) {
                devices.add(reading.device());
            }
        }
        varint(out, devices.size());
        for (String device : devices) {
            byte[] bytes = device.getBytes(StandardCharsets.UTF_8);
            varint(out, bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        varint(out, block.readings().size());
        long previous = block.firstAt();
        for (Reading reading : block.readings()) {
            long millis = reading.time().toEpochMilli();
            varint(out, millis - previous);
            previous = millis;
            out.write(reading.bpm());
            out.write(reading.alert() == null ? 0 : reading.alert() == Alert.LOW ? 1 : 2);
            varint(out, reading.device() == null ? 0 : devices.indexOf(reading.device()) + 1);
        }
        return out.toByteArray();
    }

    /** Adds the block's readings in [from, to) to {@code into}. */
    static void decode(byte[] data, long firstAt, long seq, long from, long to, List<Entry> into) {
        int[] at = {0};
        if (data[at[0]++] != FORMAT) {
            throw new IllegalStateException("unknown heart-rate block format " + data[0]);
        }
        int deviceCount = (int) varint(data, at);
        String[] devices = new String[deviceCount];
        for (int i = 0; i < deviceCount; i++) {
            int length = (int) varint(data, at);
            devices[i] = new String(data, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
        }
        int count = (int) varint(data, at);
        long millis = firstAt;
        for (int i = 0; i < count; i++) {
            millis += varint(data, at);
            int bpm = data[at[0]++] & 0xff;
            int alert = data[at[0]++];
            int device = (int) varint(data, at);
            if (millis >= from && millis < to) {
                into.add(new Entry(millis, seq, i, new Reading(Instant.ofEpochMilli(millis), bpm,
                        device == 0 ? null : devices[device - 1], alert == 0 ? null : alert == 1 ? Alert.LOW : Alert.HIGH)));
            }
        }
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long varint(byte[] data, int[] at) {
        long value = 0;
        int shift = 0;
        byte b;
        do {
            b = data[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }
}
