package dev.baton.aws.c1z;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Reference files shipped with the tests (test resources), so no test needs anything outside the repository. */
final class ReferenceFiles {
    private ReferenceFiles() {}

    /** A real SDK-written v1 file: one unfinished sync of five resource types and 79 resources. */
    static Path upstreamSample() {
        URL url = ReferenceFiles.class.getResource("upstream-sample-v1.c1z");
        if (url == null) {
            throw new IllegalStateException("test resource dev/baton/aws/c1z/upstream-sample-v1.c1z is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
