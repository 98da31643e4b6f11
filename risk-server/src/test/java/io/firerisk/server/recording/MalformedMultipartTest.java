package io.firerisk.server.recording;

import io.firerisk.ledger.HazardQuery;
import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart body the container cannot parse (a {@code multipart/form-data} content type without a boundary, a part
 * cut short) is a bad request: 400 saying so, never a 500; and where the path names another unit's venue, 403 first.
 * Only the real container parses multipart (MockMvc hands the handler parts ready made), so these requests go to the
 * random port the desk runs on, as another system (HTTP Basic) or a browser (session, CSRF token) would send them.
 */
@DeskTest
class MalformedMultipartTest extends DeskMvcTest {

    /** A part whose body never reaches its closing boundary: the stream ends inside it. */
    static final String CUT_SHORT = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u0089PNG";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void anUploadWhoseMultipartBodyCannotBeReadIsABadRequestAndAnotherUnitsVenueIsRefusedFirst() throws Exception {
        // Given a unit officer's own venue and another unit's, and the ledger as it is
        String[] units = TestAccounts.officerUnits(ledger);
        String ownVenue = officersVenue();
        String otherVenue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 5)).units(units[1]).build())
                .items().get(0).venueId();
        long events = ledger.eventCount();

        for (String contentType : new String[] {"multipart/form-data", "multipart/form-data; boundary=b"}) {
            String body = contentType.contains("boundary") ? CUT_SHORT : "not json";
            // When the officer uploads such a body about their own venue, and about the other unit's
            HttpResponse<String> own = upload(ownVenue, contentType, body);
            HttpResponse<String> other = upload(otherVenue, contentType, body);

            // Then their own is a bad request saying the body is no readable upload, as a problem with its code
            assertThat(own.statusCode()).as(contentType + ": " + own.body()).isEqualTo(400);
            assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(own.body()).contains("\"code\":\"upload.unreadable\"", "不是可读取的上传内容");
            // And the other unit's venue is refused for the venue (403), whatever the body
            assertThat(other.statusCode()).as(contentType + ": " + other.body()).isEqualTo(403);
            assertThat(other.body()).doesNotContain("upload.unreadable");
        }
        // And nothing was recorded
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void theRectificationFormWithAMultipartBodyThatCannotBeReadIsABadRequestPage() throws Exception {
        // Given a unit officer signed in through the login page, with the session's CSRF token
        long events = ledger.eventCount();
        String token = csrf(get("/login").body());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=test-officer&password="
                        + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String pageToken = meta(get("/").body());

        // When the rectification form is posted as multipart/form-data without a boundary (no browser sends that)
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/hazard/rectification"))
                .header("Content-Type", "multipart/form-data").header("X-CSRF-TOKEN", pageToken)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString("not a form")).build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it is a bad request (400), with a page in Chinese saying why; nothing recorded
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("无法完成请求 (400)", "不是可读取的上传内容", "未保存任何内容");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    private HttpResponse<String> upload(String venueId, String contentType, String body) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("test-officer:" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/venues/" + venueId + "/attachments"))
                .header("Authorization", basic).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static String meta(String html) {
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
