package vn.vanban.mail;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.vanban.normalize.Folding;
import vn.vanban.store.BlobStore;

/**
 * The e-mail addresses of units, as deadlines name them ("Sở Nội vụ", "UBND các huyện"): a unit is matched without
 * diacritics or letter case, the way the deadlines page filters by unit.
 */
@Singleton
public class UnitContacts {

    /** A unit and its addresses. */
    @Serdeable
    public record Contact(String unit, List<String> emails) {
    }

    private final JdbcOperations jdbc;

    public UnitContacts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a unit's name: folded, spaces collapsed. */
    static String key(String unit) {
        String folded = Folding.fold(unit.strip()).replaceAll("\\s+", " ");
        return BlobStore.sha256(folded.getBytes(StandardCharsets.UTF_8));
    }

    /** Every unit with addresses, by name. */
    @Transactional(readOnly = true)
    public List<Contact> all() {
        return jdbc.prepareStatement("SELECT unit, emails FROM unit_contact ORDER BY unit", ps -> {
            List<Contact> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Contact(rs.getString(1), List.of(rs.getString(2).split(","))));
                }
            }
            return out;
        });
    }

    /** The addresses of {@code unit}, if it has any. */
    @Transactional(readOnly = true)
    public Optional<Contact> find(String unit) {
        return jdbc.prepareStatement("SELECT unit, emails FROM unit_contact WHERE unit_key = ?", ps -> {
            ps.setString(1, key(unit));
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getString(1), List.of(rs.getString(2).split(","))))
                        : Optional.<Contact>empty();
            }
        });
    }

    /**
     * Sets the addresses of {@code unit} (separated by commas, semicolons, spaces or lines); none removes the unit.
     *
     * @throws IllegalArgumentException in Vietnamese, naming the address that is not one
     */
    @Transactional
    public Optional<Contact> set(String unit, String addresses) {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("Chưa nhập tên đơn vị.");
        }
        String name = unit.strip().replaceAll("\\s+", " ");
        if (name.length() > 500) {
            throw new IllegalArgumentException("Tên đơn vị dài quá 500 ký tự.");
        }
        List<String> emails = parse(addresses);
        String key = key(name);
        jdbc.prepareStatement("DELETE FROM unit_contact WHERE unit_key = ?", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
        if (emails.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(",", emails);
        if (joined.length() > 2000) {
            throw new IllegalArgumentException("Danh sách địa chỉ dài quá 2.000 ký tự.");
        }
        jdbc.prepareStatement("INSERT INTO unit_contact (unit_key, unit, emails) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, key);
            ps.setString(2, name);
            ps.setString(3, joined);
            return ps.executeUpdate();
        });
        return Optional.of(new Contact(name, emails));
    }

    /** The addresses in {@code text}, checked (RFC 822, with a domain), without repeats. */
    static List<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String a : text.split("[,;\\s]+")) {
                if (a.isBlank()) {
                    continue;
                }
                try {
                    InternetAddress address = new InternetAddress(a, true);
                    if (!address.getAddress().contains("@")) {
                        throw new AddressException("no domain");
                    }
                    out.add(address.getAddress());
                } catch (AddressException e) {
                    throw new IllegalArgumentException("“" + a + "” không phải là một địa chỉ e-mail.");
                }
            }
        }
        return List.copyOf(out);
    }
}
