// goldthread migrate --db PATH: creates the database if needed and applies every migration.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/database.h"
#include "store/migrations.h"

namespace gt::cli {

int migrate_command(const Args& args) {
  try {
    Options o(args, {"db"}, {"help"});
    if (o.flag("help")) {
      std::cout << "Usage: goldthread migrate --db PATH\n"
                   "Creates the database if it does not exist and brings its schema up to date.\n";
      return 0;
    }
    auto path = o.get("db");
    if (!path) throw UsageError("--db PATH is required");
    store::Database db(*path);
    int before = store::schema_version(db);
    store::migrate(db);
    std::cout << "schema version " << before << " -> " << store::schema_version(db) << "\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "goldthread migrate: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace gt::cli
