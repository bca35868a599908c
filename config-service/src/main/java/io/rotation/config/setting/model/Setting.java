package io.rotation.config.setting.model;

import io.rotation.config.persistence.PgEnumLabelJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcType;

/** A row of {@code settings}: a text value whose form agrees with {@link #settingType}. */
@Entity
@Table(name = "settings")
public class Setting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 128)
    public String key;

    /**
     * The value as text, read according to {@link #settingType}: any text (string), a JSON number,
     * true/false, a JSON object (json) or a JSON array (array); base64 ciphertext when encrypted.
     */
    @Column(nullable = false, columnDefinition = "text")
    public String value;

    @Convert(converter = SettingType.Label.class)
    @JdbcType(PgEnumLabelJdbcType.class)
    @Column(name = "setting_type", nullable = false, columnDefinition = "setting_type")
    public SettingType settingType;

    @Column(name = "default_value", columnDefinition = "text")
    public String defaultValue;

    @Column(columnDefinition = "text")
    public String description;

    @Column(nullable = false, length = 64)
    public String category;

    @Column(name = "is_public", nullable = false)
    public boolean isPublic;

    @Column(name = "is_encrypted", nullable = false)
    public boolean isEncrypted;

    @Column(name = "is_readonly", nullable = false)
    public boolean isReadonly;

    /** Identity's user id (no foreign key across schemas). */
    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
