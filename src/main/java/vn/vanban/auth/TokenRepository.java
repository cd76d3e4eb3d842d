package vn.vanban.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** API tokens. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface TokenRepository extends CrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHashAndRevoked(String tokenHash, boolean revoked);

    List<ApiToken> findByUserIdOrderByCreatedAt(long userId);
}
