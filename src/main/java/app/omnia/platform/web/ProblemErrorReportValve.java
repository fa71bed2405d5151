package app.omnia.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Requests the servlet container refuses before Omnia sees them (an encoded NUL in the path, a malformed
 * request line) would get Tomcat's HTML error page; this valve answers them with the same problem document
 * as everything else, and never with a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = reasonPhrase(status);
        String slug = status >= 500 ? "internal" : reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String detail = status >= 500 ? "Something went wrong on our side" : reason;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemResponses.TYPE_PREFIX + slug + "\",\"title\":\"" + reason
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"error\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more to say.
        }
    }

    private static String reasonPhrase(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

}
