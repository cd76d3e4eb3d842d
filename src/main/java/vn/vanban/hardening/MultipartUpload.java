package vn.vanban.hardening;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data POST of one file for the JDK's HTTP client, which has no multipart body of its own. */
public final class MultipartUpload {

    private MultipartUpload() {
    }

    /** A request posting {@code bytes} as file {@code fileName} in form field {@code field} to {@code url}. */
    public static HttpRequest.Builder of(URI url, String field, String fileName, byte[] bytes) {
        return of(url, field, fileName, bytes, java.util.Map.of());
    }

    /** The same, with plain form fields before the file (a form's hidden CSRF token, say). */
    public static HttpRequest.Builder of(URI url, String field, String fileName, byte[] bytes, java.util.Map<String, String> fields) {
        String boundary = "----vanban" + UUID.randomUUID();
        StringBuilder plain = new StringBuilder();
        fields.forEach((k, v) -> plain.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        byte[] head = (plain + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return HttpRequest.newBuilder(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
