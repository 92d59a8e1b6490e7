package vn.lienthong.directory.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the directory's CSV import.
 *
 * @param maxSize largest file accepted (default 5MB)
 * @param maxRows most data rows accepted, header not counted (default 20000)
 */
@Validated
@ConfigurationProperties("lienthong.directory.import")
record ImportSettings(@NotNull @DefaultValue("5MB") DataSize maxSize,
                      @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxRows) {
}
