-- Issue 19: a signed-in user follows documents (by canonical key, held or only cited); what new documents do to
-- them (amend, replace, repeal) is listed on the user's "Theo dõi" page and Atom feed.
CREATE TABLE follow (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    cite_key    VARCHAR(300) NOT NULL,
    label       VARCHAR(500) NOT NULL,
    followed_at DATETIME(3)  NOT NULL,
    CONSTRAINT uk_follow UNIQUE (user_id, cite_key),
    CONSTRAINT fk_follow_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_follow_key ON follow (cite_key);
