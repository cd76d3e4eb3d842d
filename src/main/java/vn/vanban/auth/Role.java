package vn.vanban.auth;

import java.util.List;

/**
 * What a user may do. Each role includes the ones before it: a viewer searches and reads, an editor also uploads,
 * corrects and deletes, an admin also manages users and reads the audit trail.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** Role names as {@code @Secured} checks them. */
    public static final String VIEWER_NAME = "VIEWER";
    public static final String EDITOR_NAME = "EDITOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** This role and every role it includes, as granted to an authenticated user. */
    public List<String> granted() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Enum::name).toList();
    }

    /** Vietnamese label for pages. */
    public String label() {
        return switch (this) {
            case VIEWER -> "Xem";
            case EDITOR -> "Biên tập";
            case ADMIN -> "Quản trị";
        };
    }
}
