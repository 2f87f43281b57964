// `commitscope-cli pg-lab [--json]`, in commitscope-cli-qt: the one command that needs Qt.
#pragma once

namespace cs::cli {

// Runs lesson 18's PostgreSQL lab on a private server (app/pglab); 3 when PostgreSQL cannot start.
int pg_lab_command(bool json);

}  // namespace cs::cli
