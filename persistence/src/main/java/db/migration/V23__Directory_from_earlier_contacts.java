package db.migration;

import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Files the contacts logged before the collector directory existed under their agencies and
 * numbers, as the contact log's store files new ones (numbers without a country code are read as of
 * {@code CLEARPATH_DIRECTORY_REGION}, else CN). Runs once, like every migration.
 */
public class V23__Directory_from_earlier_contacts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    var region = System.getenv().getOrDefault("CLEARPATH_DIRECTORY_REGION", "CN");
    var connection = context.getConnection();
    // read in batches through a cursor (the migration's transaction keeps it open)
    try (var statement =
        connection.prepareStatement(
            "select id, case_id, agency, collector_number, occurred_at from contact_entry"
                + " where agency is not null or collector_number is not null order by seq")) {
      statement.setFetchSize(1000);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          org.clearpath.persistence.directory.JdbcCollectorDirectory.sight(
              connection,
              rows.getObject(1, UUID.class),
              rows.getObject(2, UUID.class),
              rows.getString(3),
              rows.getString(4),
              rows.getTimestamp(5).toInstant(),
              region);
        }
      }
    }
  }
}
