package vn.vanban.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import vn.vanban.auth.Role;

/**
 * Tells every page what the signed-in user may do — {@code canEdit} (editors and admins: corrections, status
 * corrections) and {@code isAdmin} — from the roles the request was authenticated with, so that a page never shows a
 * form its user would be refused (the security model's attributes do not carry the roles).
 */
@Singleton
public class RolesModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
        // a copy: controllers may hand over an immutable model (Map.of)
        Map<String, Object> model = new java.util.HashMap<>(modelAndView.getModel().orElse(Map.of()));
        model.putIfAbsent("canEdit", who != null && who.getRoles().contains(Role.EDITOR_NAME));
        model.putIfAbsent("isAdmin", who != null && who.getRoles().contains(Role.ADMIN_NAME));
        // the header's sign-in link brings the reader back to this page
        String here = vn.vanban.auth.ReturnToPage.pathOf(request);
        model.putIfAbsent("here", here.startsWith("/dang-nhap") ? "/" : here);
        modelAndView.setModel(model);
    }
}
