package adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import domain.heartrate.Alert;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Anomaly;
import domain.heartrate.Reading;
import domain.heartrate.TrainingZones;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import usecase.heartrate.GetHeartRateSeries;
import usecase.heartrate.GetHeartRateStatus;
import usecase.heartrate.ImportHeartRateCsv;

/** The JSON of the heart-rate API. */
@RegisterForReflection
final class HeartRateJson {

    private HeartRateJson() {
    }

    static String alertName(Alert alert) {
        return alert == null ? null : alert.name();
    }

    @Schema(name = "HeartRateReading")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReadingOut(Instant timestamp, int bpm, String device,
                      @Schema(enumeration = {"LOW", "HIGH"}, nullable = true) String alert) {
        static ReadingOut of(Reading reading) {
            return new ReadingOut(reading.time(), reading.bpm(), reading.device(), alertName(reading.alert()));
        }
    }

    @Schema(name = "HeartRateStatus")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusOut(@Schema(description = "The latest readings, newest first") List<ReadingOut> recent,
                     @JsonProperty("alert_active") boolean alertActive,
                     @JsonProperty("alert_type") @Schema(enumeration = {"LOW", "HIGH"}, nullable = true) String alertType,
                     StatsOut stats,
                     @JsonProperty("window_start") Instant windowStart,
                     @JsonProperty("window_end") Instant windowEnd) {
        static StatusOut of(GetHeartRateStatus.Status status) {
            var stats = status.stats();
            return new StatusOut(status.recent().stream().map(ReadingOut::of).toList(), stats.worstAlert() != null,
                    alertName(stats.worstAlert()), new StatsOut(stats.count(),
                    stats.count() == 0 ? null : Math.round(stats.average() * 10) / 10.0,
                    stats.count() == 0 ? null : stats.min(), stats.count() == 0 ? null : stats.max()),
                    status.windowStart(), status.windowEnd());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatsOut(long count, @Schema(description = "Mean bpm, one decimal; null without readings") Double avg,
                    Integer min, Integer max) {
    }

    @Schema(name = "HeartRateZonesRequest")
    record ZonesIn(Integer age, @JsonProperty("resting_bpm") Integer restingBpm,
                   @Schema(enumeration = {"percent_max", "karvonen"}, defaultValue = "percent_max") String method,
                   @JsonProperty("max_formula") @Schema(enumeration = {"fox", "tanaka"}, defaultValue = "fox") String maxFormula,
                   @Schema(description = "Stored readings from (ISO-8601 or Unix seconds); default: 24 h before to") String from,
                   @Schema(description = "Stored readings until (exclusive); default: now") String to,
                   @Schema(description = "Readings to compute over instead of stored ones (not stored)") List<ZoneReadingIn> readings) {
    }

    record ZoneReadingIn(Integer bpm, @Schema(description = "ISO-8601 with offset or Unix seconds") Object timestamp) {
    }

    @Schema(name = "HeartRateZones")
    record ZonesOut(@JsonProperty("max_bpm") double maxBpm, String method, @JsonProperty("max_formula") String maxFormula,
                    List<ZoneOut> zones,
                    @JsonProperty("below_zone_seconds") double belowZoneSeconds,
                    @JsonProperty("total_seconds") double totalSeconds,
                    @JsonProperty("average_bpm") double averageBpm,
                    @JsonProperty("readings") long readings) {
        static ZonesOut of(TrainingZones.Times times, TrainingZones.Parameters parameters) {
            List<ZoneOut> zones = new ArrayList<>(5);
            double max = parameters.maxBpm();
            double rest = parameters.method() == TrainingZones.Method.KARVONEN ? parameters.restingBpm() : 0;
            for (int zone = 1; zone <= 5; zone++) {
                int lower = 40 + 10 * zone;
                zones.add(new ZoneOut(zone, lower, zone == 5 ? null : lower + 10,
                        round(rest + (max - rest) * lower / 100.0), times.zoneSeconds()[zone - 1]));
            }
            return new ZonesOut(round(max), parameters.method().name().toLowerCase(Locale.ROOT),
                    parameters.formula().name().toLowerCase(Locale.ROOT), zones, times.belowSeconds(),
                    times.totalSeconds(), round(times.averageBpm()), times.readings());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ZoneOut(int zone, @JsonProperty("from_percent") int fromPercent,
                   @JsonProperty("to_percent") @Schema(description = "Exclusive; null for zone 5 (everything above)") Integer toPercent,
                   @JsonProperty("from_bpm") double fromBpm, double seconds) {
    }

    @Schema(name = "HeartRateSettings")
    record SettingsJson(@JsonProperty("low_alert_below_bpm") @Schema(description = "LOW for readings below this", defaultValue = "50") Integer lowAlertBelowBpm,
                        @JsonProperty("high_alert_above_bpm") @Schema(description = "HIGH for readings above this", defaultValue = "150") Integer highAlertAboveBpm) {
        static SettingsJson of(AlertThresholds thresholds) {
            return new SettingsJson(thresholds.lowBelow(), thresholds.highAbove());
        }
    }

    @Schema(name = "HeartRateImport")
    record ImportOut(long accepted, long rejected, long missing,
                     @JsonProperty("anomaly_count") long anomalyCount,
                     @Schema(description = "At most 10,000; anomaly_count counts all") List<AnomalyOut> anomalies,
                     @Schema(description = "Readings refused (out of range, in the future), at most 10,000") List<RefusalOut> rejections) {
        static ImportOut of(ImportHeartRateCsv.Result result) {
            return new ImportOut(result.accepted(), result.rejected(), result.missing(), result.anomalyCount(),
                    result.anomalies().stream().map(AnomalyOut::of).toList(),
                    result.refusals().stream().map(r -> new RefusalOut(r.row(), r.line(), r.time(), r.bpm(), r.reason())).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AnomalyOut(@Schema(enumeration = {"missing", "spike", "dip"}) String type,
                      @Schema(description = "One-based data row (the header is not a row)") long row,
                      Instant time, Integer bpm, @JsonProperty("previous_bpm") Integer previousBpm) {
        static AnomalyOut of(Anomaly anomaly) {
            return new AnomalyOut(anomaly.kind().name().toLowerCase(Locale.ROOT), anomaly.row(), anomaly.time(),
                    anomaly.bpm(), anomaly.previousBpm());
        }
    }

    record RefusalOut(long row, int line, Instant time, int bpm, String reason) {
    }

    @Schema(name = "HeartRateSeries")
    record SeriesOut(Instant start, @JsonProperty("step_seconds") int stepSeconds,
                     @Schema(description = "One value per second from start; null where there is none") Integer[] bpm) {
        static SeriesOut of(GetHeartRateSeries.Series series) {
            return new SeriesOut(series.start(), series.stepSeconds(), series.bpm());
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
