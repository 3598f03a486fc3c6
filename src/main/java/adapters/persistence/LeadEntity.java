package adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "ecg_leads")
class LeadEntity {

    @EmbeddedId
    Key key;

    @Column(nullable = false, length = 16)
    String name;

    @Column(name = "number_of_samples", nullable = false)
    int numberOfSamples;

    @Column(name = "samples_encoding", nullable = false)
    short samplesEncoding;

    @Column(nullable = false)
    byte[] samples;

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "ecg_id")
        UUID ecgId;

        @Column(name = "lead_index")
        int index;

        Key() {
        }

        Key(UUID ecgId, int index) {
            this.ecgId = ecgId;
            this.index = index;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && index == other.index && Objects.equals(ecgId, other.ecgId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ecgId, index);
        }
    }
}
