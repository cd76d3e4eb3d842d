package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sign-in page, one's own account (password, API tokens) and the admin page (accounts, audit trail). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private static final int AUDIT_PAGE = 50;

    private final Users users;
    private final AuditRepository audit;
    private final SecurityConfig config;

    private final Csrf csrf;

    public AccountPages(Users users, AuditRepository audit, SecurityConfig config, Csrf csrf) {
        this.csrf = csrf;
        this.users = users;
        this.audit = audit;
        this.config = config;
    }

    @Get("/dang-nhap")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public io.micronaut.http.MutableHttpResponse<ModelAndView<Map<String, Object>>> login(@Nullable @QueryValue String loi,
            @Nullable @QueryValue String cam, @Nullable @QueryValue String next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failed", loi != null);
        m.put("forbidden", cam != null);
        io.micronaut.http.MutableHttpResponse<ModelAndView<Map<String, Object>>> page =
                io.micronaut.http.HttpResponse.ok(new ModelAndView<>("login", m));
        ReturnToPage.remember(next, page); // the page the header's link came from: signing in returns there
        return page;
    }

    @Get("/tai-khoan")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> account(Authentication who) {
        return accountPage(who, null, null, null);
    }

    @Post(value = "/tai-khoan/mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> changePassword(Authentication who, @Body Map<String, String> form, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        if (users.authenticate(who.getName(), form.get("current")).isEmpty()) {
            return accountPage(who, "Mật khẩu hiện tại không đúng.", null, null);
        }
        try {
            users.changePassword(who.getName(), who.getName(), form.get("password"));
            return accountPage(who, null, "Đã đổi mật khẩu.", null);
        } catch (IllegalArgumentException e) {
            return accountPage(who, e.getMessage(), null, null);
        }
    }

    @Post(value = "/tai-khoan/khoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> createToken(Authentication who, @Body Map<String, String> form, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        String secret = users.createToken(who.getName(), who.getName(), form.get("name"));
        return accountPage(who, null, "Đã tạo khóa API.", secret);
    }

    @Post(value = "/tai-khoan/khoa/{id}/thu-hoi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> revokeToken(Authentication who, @PathVariable long id, @Body Map<String, String> form,
                                                        HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        try {
            users.revokeToken(who.getName(), who.getName(), id);
            return accountPage(who, null, "Đã thu hồi khóa.", null);
        } catch (IllegalArgumentException e) {
            return accountPage(who, e.getMessage(), null, null);
        }
    }

    private ModelAndView<Map<String, Object>> accountPage(Authentication who, String error, String message, String newToken) {
        AppUser u = users.find(who.getName()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", u);
        m.put("role", u.roleValue().label());
        m.put("tokens", users.tokensOf(u.username()));
        m.put("error", error);
        m.put("message", message);
        m.put("newToken", newToken);
        return new ModelAndView<>("account", m);
    }

    @Get("/quan-tri")
    @Secured(Role.ADMIN_NAME)
    public ModelAndView<Map<String, Object>> admin(@QueryValue(defaultValue = "0") int trang) {
        return adminPage(Math.max(0, trang), null, null);
    }

    @Post(value = "/quan-tri/tai-khoan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.ADMIN_NAME)
    public ModelAndView<Map<String, Object>> createUser(Authentication who, @Body Map<String, String> form, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        try {
            Role role = Role.valueOf(form.getOrDefault("role", "VIEWER"));
            users.create(who.getName(), form.get("username"), form.get("password"), role);
            return adminPage(0, null, "Đã thêm tài khoản " + form.get("username") + ".");
        } catch (IllegalArgumentException e) {
            return adminPage(0, e.getMessage(), null);
        }
    }

    @Post(value = "/quan-tri/tai-khoan/{name}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.ADMIN_NAME)
    public ModelAndView<Map<String, Object>> updateUser(Authentication who, @PathVariable String name, @Body Map<String, String> form,
                                                       HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        try {
            users.setRole(who.getName(), name, Role.valueOf(form.getOrDefault("role", "VIEWER")), "true".equals(form.get("active")));
            return adminPage(0, null, "Đã lưu " + name + ".");
        } catch (IllegalArgumentException e) {
            return adminPage(0, e.getMessage(), null);
        }
    }

    private ModelAndView<Map<String, Object>> adminPage(int page, String error, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> rows = users.all().stream().map(u -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("username", u.username());
            r.put("role", u.role());
            r.put("roleLabel", u.roleValue().label());
            r.put("active", u.active());
            return r;
        }).toList();
        m.put("users", rows);
        m.put("roles", java.util.Arrays.stream(Role.values()).map(r -> Map.of("name", r.name(), "label", r.label())).toList());
        var events = audit.findAll(io.micronaut.data.model.Pageable.from(page, AUDIT_PAGE,
                io.micronaut.data.model.Sort.of(io.micronaut.data.model.Sort.Order.desc("id"))));
        m.put("audit", events.getContent().stream().map(AccountPages::auditRow).toList());
        m.put("page", page);
        m.put("more", (long) (page + 1) * AUDIT_PAGE < events.getTotalSize());
        m.put("anonymousRead", config.anonymousRead());
        m.put("error", error);
        m.put("message", message);
        return new ModelAndView<>("admin", m);
    }

    /** What each audited action is called on the admin page. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("document.upload", "Tải văn bản lên"), Map.entry("document.delete", "Xóa văn bản"),
            Map.entry("correction.metadata", "Sửa thông tin văn bản"), Map.entry("correction.citation", "Sửa trích dẫn"),
            Map.entry("correction.deadline", "Sửa thời hạn"), Map.entry("correction.task", "Sửa nhiệm vụ"),
            Map.entry("validity.correct", "Sửa tình trạng hiệu lực"), Map.entry("validity.withdraw", "Bỏ sửa tình trạng hiệu lực"),
            Map.entry("user.create", "Tạo tài khoản"), Map.entry("user.password", "Đổi mật khẩu"),
            Map.entry("user.role", "Đổi vai trò, trạng thái tài khoản"), Map.entry("token.create", "Cấp khóa API"),
            Map.entry("token.revoke", "Thu hồi khóa API"), Map.entry("login.success", "Đăng nhập"),
            Map.entry("login.failure", "Đăng nhập không thành công"),
            Map.entry("contact.set", "Đặt địa chỉ nhận nhắc hạn"), Map.entry("tag.add", "Gắn thẻ"),
            Map.entry("tag.remove", "Bỏ thẻ"), Map.entry("tag.bulk", "Gắn thẻ cho kết quả tìm kiếm"),
            Map.entry("document.restore", "Khôi phục văn bản từ thùng rác"));

    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    /** An audit event as people read it: Vietnamese action and object, local time, the address as written in a network. */
    static Map<String, Object> auditRow(AuditEvent e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("at", e.at() == null ? "" : AT.format(e.at()));
        r.put("username", e.username());
        r.put("action", ACTIONS.getOrDefault(e.action(), e.action()));
        String target = e.target() == null ? "" : e.target();
        r.put("target", target.startsWith("document ") ? "văn bản #" + target.substring(9)
                : target.startsWith("user ") ? "tài khoản " + target.substring(5)
                : target.startsWith("file ") ? "tệp " + target.substring(5)
                : target.startsWith("unit ") ? "đơn vị " + target.substring(5)
                : target.startsWith("search ") ? "tìm kiếm ?" + target.substring(7) : target);
        r.put("beforeValue", e.beforeValue() == null ? "" : e.beforeValue());
        r.put("afterValue", e.afterValue() == null ? "" : e.afterValue());
        r.put("remote", address(e.remote()));
        return r;
    }

    /** An IP address as people know it: "0:0:0:0:0:0:0:1" → "::1 (máy chủ này)"; "::ffff:10.0.0.5" → "10.0.0.5". */
    static String address(String remote) {
        if (remote == null || remote.isBlank()) {
            return "";
        }
        String r = remote.strip();
        if (!r.matches("\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.%]*")) {
            return r; // not an IP literal: as recorded (never a name lookup)
        }
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(r); // a literal: parsed, not looked up
            if (a.isLoopbackAddress()) {
                return (a instanceof java.net.Inet6Address ? "::1" : a.getHostAddress()) + " (máy chủ này)";
            }
            return a.getHostAddress(); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (java.net.UnknownHostException e) {
            return r;
        }
    }
}
