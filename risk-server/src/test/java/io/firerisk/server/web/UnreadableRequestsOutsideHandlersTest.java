package io.firerisk.server.web;

import io.firerisk.server.DeskMvcTest;
import io.firerisk.server.DeskTest;
import io.firerisk.server.TestAccounts;
import io.firerisk.server.security.DeskRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (review2) of the lazily parsed multipart bodies (af4c604), through the real container (only it parses
 * multipart): a body the desk cannot read is never a 500, also where the address has no endpoint of the desk's own;
 * and parsing it first does not let an account that must change its password get past that interceptor.
 */
@DeskTest
class UnreadableRequestsOutsideHandlersTest extends DeskMvcTest {

    /** A well-formed upload of a tiny PNG, for the control request. */
    static final String PNG_BODY = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n\u001a\n\r\n--b--\r\n";

    @LocalServerPort
    int port;

    @Test
    void aMultipartBodyWithoutABoundaryToAnApiAddressWithNoEndpointIsNotAServerError() throws Exception {
        // Given another system signed in by HTTP Basic
        // When it posts multipart/form-data without a boundary to an address of the API that has no endpoint
        // (the static files' handler takes it; the first interceptor parses the body; no advice applies to that handler)
        HttpResponse<String> r = post("/api/no-such-endpoint", "test-officer", TestAccounts.PASSWORD,
                "multipart/form-data", "not a form");

        // Then the desk answers with a client error (404 for the address, or 400 for the body), never a 500
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    }

    @Test
    void anyoneNotSignedInPostingAMultipartBodyWithoutABoundaryToAnOpenAddressGetsNoServerError() throws Exception {
        // Given someone not signed in, with the CSRF token the login page gives every visitor
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(m.find()).as(login).isTrue();
        for (String path : new String[] {"/public/no-such-page", "/error"}) {
            // When they post multipart/form-data without a boundary to an address open to all
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-CSRF-TOKEN", m.group(1)).header("Content-Type", "multipart/form-data")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString("not a form")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // Then a client error, never a 500 (and so no stack trace logged at ERROR for every such request)
            assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(400, 499);
        }
    }

    @Test
    void anAccountThatMustChangeItsPasswordIsSentToChangeItWhateverTheUploadsBody() throws Exception {
        // Given a unit officer's account with its one-time password, still to be changed
        String name = "review2-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = TestAccounts.officerUnits(ledger)[0];
        String once = accounts.create(name, DeskRole.UNIT_OFFICER, Optional.of(unit), Optional.of("P-" + unit), "待改密");
        String ownVenue = officersVenue();

        // When it uploads a well-formed file about its venue, and a body without a boundary about its venue and
        // about a venue that does not exist
        HttpResponse<String> wellFormed = post("/api/venues/" + ownVenue + "/attachments", name, once,
                "multipart/form-data; boundary=b", PNG_BODY);
        HttpResponse<String> unreadable = post("/api/venues/" + ownVenue + "/attachments", name, once,
                "multipart/form-data", "not a form");
        HttpResponse<String> noSuchVenue = post("/api/venues/NO-SUCH-VENUE/attachments", name, once,
                "multipart/form-data", "not a form");

        // Then each is sent to change the password first, as every other request of that account is: the body's
        // parsing does not come before the account's own checks, nor tell it which venues exist
        assertThat(wellFormed.statusCode()).as(wellFormed.body()).isEqualTo(302);
        assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(wellFormed.statusCode());
        assertThat(noSuchVenue.statusCode()).as(noSuchVenue.body()).isEqualTo(wellFormed.statusCode());
        assertThat(unreadable.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/account/password"));
    }

    private HttpResponse<String> post(String path, String user, String password, String contentType, String body)
            throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
