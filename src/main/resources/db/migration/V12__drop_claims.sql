-- Issue 21: several Vanban processes watching one shared drop folder take each file once. A process claims a file
-- (its path below the drop folder, its size and modification time) by inserting its row: the primary key lets one
-- insert win, on one server and on a Galera cluster alike (where row locks taken by SELECT … FOR UPDATE hold on one
-- node only, while a key is certified cluster-wide). A claim not done within its lease may be taken over.
CREATE TABLE drop_claim (
    claim_key  VARCHAR(64)   NOT NULL PRIMARY KEY,
    path       VARCHAR(2000) NOT NULL,
    node       VARCHAR(200)  NOT NULL,
    claimed_at DATETIME(3)   NOT NULL,
    done_at    DATETIME(3)   NULL
);
