-- Users and their roles, API tokens (only their SHA-256 is kept), and the audit trail of every write.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_app_user_name UNIQUE (username)
);

CREATE TABLE api_token (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    name       VARCHAR(200) NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    revoked    BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE audit_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at           DATETIME(3)  NOT NULL,
    username     VARCHAR(100) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    target       VARCHAR(500),
    before_value LONGTEXT,
    after_value  LONGTEXT,
    remote       VARCHAR(100)
);
CREATE INDEX ix_audit_event_at ON audit_event (at);

-- Signed-in browser sessions: the cookie holds a random secret, the table only its SHA-256
CREATE TABLE user_session (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(3) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    CONSTRAINT uk_user_session_hash UNIQUE (token_hash),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
