package dev.baton.aws.sync;

import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;

/** Guards the paging loop the engine owns. */
final class PageTokens {
    private PageTokens() {}

    /** A syncer that hands back the token it was given would page forever; fail instead, naming the listing. */
    static void requireProgress(PageToken given, Page<?> page, String listing) throws SyncException {
        if (page.hasNext() && page.next().equals(given)) {
            throw new SyncException(listing + ": the syncer returned the page token it was given (" + given.value()
                    + "), which would never end");
        }
    }
}
