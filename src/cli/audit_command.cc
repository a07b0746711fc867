// goldthread audit verify --db PATH: checks the audit log's hash chain (app/audit_log.h).
// Exit 0 when intact (prints the row count and the head hash to keep elsewhere), 1 when broken
// (prints the first row at fault and why), 2 on bad usage.
#include <iostream>

#include "app/audit_log.h"
#include "app/storage.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace gt::cli {

int audit_command(const Args& args) {
  try {
    if (args.empty() || args[0] == "--help") {
      std::cout << "Usage: goldthread audit verify --db PATH\n"
                   "Checks that no row of the audit log has been modified, deleted, inserted or moved.\n"
                   "Prints the head hash: record it elsewhere to detect a later truncation.\n";
      return args.empty() ? 2 : 0;
    }
    if (args[0] != "verify") throw UsageError("unknown audit command '" + args[0] + "' (try: verify)");
    Options o(Args(args.begin() + 1, args.end()), {"db"}, {"help"});
    auto path = o.get("db");
    if (!path) throw UsageError("--db PATH is required");
    app::Storage storage(*path);
    auto r = app::verify_audit(storage);
    if (!r.intact()) {
      std::cout << "audit log BROKEN at row " << r.broken->id << ": " << r.broken->reason << "\n"
                << r.rows << " rows read; the rows before it are intact.\n";
      return 1;
    }
    std::cout << "audit log intact: " << r.rows << " rows";
    if (r.unchained) std::cout << " (" << r.unchained << " from before the chain)";
    std::cout << "\nhead " << r.head << "\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "goldthread audit: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace gt::cli
