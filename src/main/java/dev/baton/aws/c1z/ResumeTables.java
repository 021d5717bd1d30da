package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checkpoint of a resumable sync, kept in its working database beside the rows it describes, so one commit
 * makes both durable together (docs/resumable-syncs.md): {@code baton_aws_resume_meta} (what the sync is: its id,
 * the settings it was started with, the output file it builds on), {@code baton_aws_resume_listings} (per listing:
 * the token of the next page, NULL once its last page is written), {@code baton_aws_resume_waiting} (entitlements
 * and grants written before the objects they name, kept until those arrive) and {@code baton_aws_resume_memo}
 * (answers a connector asked to remember). The tables are dropped, their pages zeroed, before the file is
 * committed: a finished c1z holds none of them.
 */
final class ResumeTables {
    static final String META = "baton_aws_resume_meta";
    static final String LISTINGS = "baton_aws_resume_listings";
    static final String WAITING = "baton_aws_resume_waiting";
    static final String MEMO = "baton_aws_resume_memo";
    private static final List<String> TABLES = List.of(META, LISTINGS, WAITING, MEMO);

    private final Connection connection;
    private final PreparedStatement putListing;
    private final PreparedStatement putWaiting;
    private final PreparedStatement putMemo;

    private ResumeTables(Connection connection) throws SQLException {
        this.connection = connection;
        this.putListing =
                connection.prepareStatement("insert or replace into " + LISTINGS + " (listing, next) values (?, ?)");
        this.putWaiting = connection.prepareStatement("insert into " + WAITING + " (kind, data) values (?, ?)");
        this.putMemo = connection.prepareStatement("insert or replace into " + MEMO + " (key, value) values (?, ?)");
    }

    /** Creates the tables (when missing) and prepares the writes. */
    static ResumeTables open(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + META + " (key text primary key, value text not null)");
            statement.execute("create table if not exists " + LISTINGS + " (listing text primary key, next text)");
            statement.execute("create table if not exists " + WAITING
                    + " (id integer primary key, kind integer not null, data blob not null)");
            statement.execute("create table if not exists " + MEMO + " (key text primary key, value text not null)");
        }
        return new ResumeTables(connection);
    }

    /** True when {@code connection}'s database holds a checkpoint. */
    static boolean present(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from sqlite_master where type = 'table' and name = '" + META + "'")) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }

    void putMeta(Map<String, String> values) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("insert or replace into " + META + " (key, value) values (?, ?)")) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setString(2, entry.getValue());
                statement.executeUpdate();
            }
        }
    }

    Map<String, String> meta() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select key, value from " + META + " order by key")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    /** @param next the next page's token, or null when the listing's last page was written */
    void putListing(String listing, String next) throws SQLException {
        putListing.setString(1, listing);
        putListing.setString(2, next);
        putListing.executeUpdate();
    }

    /** Listings whose last page was written, and the next token of those in progress. */
    ListingStates listings() throws SQLException {
        Set<String> done = new HashSet<>();
        Map<String, String> next = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select listing, next from " + LISTINGS)) {
            while (rows.next()) {
                String token = rows.getString(2);
                if (token == null) {
                    done.add(rows.getString(1));
                } else {
                    next.put(rows.getString(1), token);
                }
            }
        }
        return new ListingStates(done, next);
    }

    void putWaiting(int kind, byte[] data) throws SQLException {
        putWaiting.setInt(1, kind);
        putWaiting.setBytes(2, data);
        putWaiting.executeUpdate();
    }

    void clearWaiting() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from " + WAITING);
        }
    }

    List<byte[]> waiting(int kind) throws SQLException {
        List<byte[]> rows = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement("select data from " + WAITING + " where kind = ? order by id")) {
            statement.setInt(1, kind);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getBytes(1));
                }
            }
        }
        return rows;
    }

    void putMemo(String key, String value) throws SQLException {
        putMemo.setString(1, key);
        putMemo.setString(2, value);
        putMemo.executeUpdate();
    }

    Map<String, String> memos() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select key, value from " + MEMO)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    /** Drops every checkpoint table, zeroing the freed pages so the compressed file carries none of their bytes. */
    void drop() throws SQLException {
        putListing.close();
        putWaiting.close();
        putMemo.close();
        try (Statement statement = connection.createStatement()) {
            statement.execute("pragma secure_delete = on");
            for (String table : TABLES) {
                statement.execute("drop table if exists " + table);
            }
            statement.execute("pragma secure_delete = off");
        }
    }
}
