package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The outcome of one publish, kept in the database so every instance reports the same last result. */
@Entity
@Table(name = "publish_run")
public class PublishRun extends PanacheEntityBase {
    public enum Kind {
        FULL,
        INCREMENTAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(nullable = false)
    public boolean succeeded;

    @Column(nullable = false)
    public int written;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int deleted;

    public String error;

    public static Optional<PublishRun> last(Kind kind) {
        return find("kind = ?1 order by id desc", kind).firstResultOptional();
    }

    public static Optional<PublishRun> last() {
        return find("order by id desc").firstResultOptional();
    }
}
