package vn.vanban.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A document's own metadata, as printed (Nghị định 30/2020/NĐ-CP layout). Dates are ISO at the precision printed
 * ("2019-01-11", "2019-12", "2023"). Null means not found.
 */
@Serdeable
public record DocumentMetadata(
        @Nullable String number,
        @Nullable String symbol,
        @Nullable String type,
        @Nullable String issuer,
        @Nullable String parentIssuer,
        @Nullable String place,
        @Nullable String date,
        @Nullable String effective,
        @Nullable String subject,
        @Nullable String signerName,
        @Nullable String signerTitle,
        boolean draft,
        List<String> recipients) {
}
