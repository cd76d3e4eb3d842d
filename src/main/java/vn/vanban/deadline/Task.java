package vn.vanban.deadline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An item listed under a "nhiệm vụ" heading.
 *
 * @param text     the item, joined across broken lines, without its bullet
 * @param period   the period its heading names: "2019", "2023-Q2", "2015-H2", or null
 * @param assignee the unit its section addresses, or null
 * @param field    the lĩnh vực of its sub-heading, or null
 * @param due      a deadline the item itself sets, or null
 * @param status   a status a report states for it ("Đang thực hiện", "Hoàn thành"), or null
 */
@Serdeable
public record Task(String text, @Nullable String period, @Nullable String assignee, @Nullable String field,
                   @Nullable String due, @Nullable String status, int start, int end) {
}
