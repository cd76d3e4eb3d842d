package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A document cited by number, after resolution: all its mentions in one citing text, one canonical key.
 *
 * @param key    canonical identity: number and symbol (Đ as D, upper case), year, and the issuing scope ("" for
 *               central bodies, the province for local ones): "2099/QD-UBND|2018|bac kan", "45/2016/QD-TTG|2016|"
 * @param number canonical number as printed (no spaces): "45/2016/QĐ-TTg"
 * @param year   from the symbol, else from a trusted cited date, else null
 * @param date   the cited date in ISO form when printed and plausible, else null
 */
public record CitedDocument(String key, String type, String number, @Nullable Integer year, @Nullable String date,
                            @Nullable String issuer, @Nullable String title, List<Mention> mentions) {
}
