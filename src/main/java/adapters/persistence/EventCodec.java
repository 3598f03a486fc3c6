package adapters.persistence;

import domain.ecg.EcgStatus;
import domain.event.DomainEvent;
import domain.event.DomainEvent.EcgAnalysed;
import domain.event.DomainEvent.EcgDeleted;
import domain.event.DomainEvent.EcgSubmitted;
import domain.event.DomainEvent.HeartRateAlertRaised;
import domain.event.DomainEvent.HeartRateRecorded;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of an event: its type in a column of its own (named as the API names it:
 * {@link adapters.http.EventMessages#type}), its fields (the owner aside, which has a column)
 * in a small binary format, so a batch of a thousand readings takes about 12 bytes a reading.
 */
final class EventCodec {

    private static final int NONE = -1;

    private EventCodec() {
    }

    static byte[] encode(DomainEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (event instanceof EcgSubmitted e) {
                uuid(out, e.ecgId());
            } else if (event instanceof EcgDeleted e) {
                uuid(out, e.ecgId());
            } else if (event instanceof EcgAnalysed e) {
                uuid(out, e.ecgId());
                out.writeByte(e.status().ordinal());
                out.writeInt(e.beats() == null ? NONE : e.beats());
                out.writeDouble(e.meanHrBpm() == null ? Double.NaN : e.meanHrBpm());
                out.writeInt(e.findings());
            } else if (event instanceof HeartRateRecorded e) {
                out.writeInt(e.readings().size());
                for (Reading reading : e.readings()) {
                    out.writeLong(reading.time().toEpochMilli());
                    out.writeShort(reading.bpm());
                    out.writeByte(reading.alert() == null ? NONE : reading.alert().ordinal());
                    out.writeBoolean(reading.device() != null);
                    if (reading.device() != null) {
                        out.writeUTF(reading.device());
                    }
                }
            } else if (event instanceof HeartRateAlertRaised e) {
                out.writeByte(e.alert().ordinal());
                out.writeShort(e.bpm());
                out.writeLong(e.time().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DomainEvent decode(UUID owner, String type, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return switch (type) {
                case "ecg_submitted" -> new EcgSubmitted(owner, uuid(in));
                case "ecg_deleted" -> new EcgDeleted(owner, uuid(in));
                case "ecg_analysed" -> {
                    UUID ecg = uuid(in);
                    EcgStatus status = EcgStatus.values()[in.readByte()];
                    int beats = in.readInt();
                    double meanHr = in.readDouble();
                    yield new EcgAnalysed(owner, ecg, status, beats == NONE ? null : beats,
                            Double.isNaN(meanHr) ? null : meanHr, in.readInt());
                }
                case "heart_rate_recorded" -> {
                    int count = in.readInt();
                    List<Reading> readings = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        Instant time = Instant.ofEpochMilli(in.readLong());
                        int bpm = in.readShort();
                        int alert = in.readByte();
                        String device = in.readBoolean() ? in.readUTF() : null;
                        readings.add(new Reading(time, bpm, device, alert == NONE ? null : Alert.values()[alert]));
                    }
                    yield new HeartRateRecorded(owner, readings);
                }
                case "heart_rate_alert_raised" -> new HeartRateAlertRaised(owner, Alert.values()[in.readByte()],
                        in.readShort(), Instant.ofEpochMilli(in.readLong()));
                default -> throw new IllegalStateException("unknown event type " + type + " in the event log");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
