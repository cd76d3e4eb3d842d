package vn.vanban.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows whose generated ids are never read back in one JDBC batch, in the transaction in progress. Micronaut
 * Data's {@code saveAll} inserts rows with generated ids one statement at a time on MySQL and MariaDB (to read each
 * id back): a round trip per citation, task or deadline.
 */
@Singleton
public class BatchInsert {

    /** Sets the parameters of one row. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public BatchInsert(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} (an INSERT with parameters) once for each of {@code rows}, as one batch. */
    public <T> void insert(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }
}
