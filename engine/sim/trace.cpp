#include "sim/trace.hpp"

namespace cs {

std::string_view trace_kind_key(TraceKind k) {
  switch (k) {
    case TraceKind::Send: return "send";
    case TraceKind::Deliver: return "deliver";
    case TraceKind::Drop: return "drop";
    case TraceKind::Duplicate: return "duplicate";
    case TraceKind::Timer: return "timer";
    case TraceKind::Crash: return "crash";
    case TraceKind::Restart: return "restart";
    case TraceKind::State: return "state";
    case TraceKind::LogAppend: return "log";
    case TraceKind::LockAcquire: return "lock";
    case TraceKind::LockRelease: return "unlock";
    case TraceKind::LockWait: return "lock_wait";
    case TraceKind::Fault: return "fault";
    case TraceKind::TxnStart: return "txn_start";
    case TraceKind::TxnEnd: return "txn_end";
    case TraceKind::Limit: return "limit";
    case TraceKind::Note: return "note";
    case TraceKind::Count_: break;
  }
  return "unknown";
}

std::string_view drop_reason_key(DropReason r) {
  switch (r) {
    case DropReason::None: return "none";
    case DropReason::Loss: return "loss";
    case DropReason::LinkCut: return "link_cut";
    case DropReason::Partition: return "partition";
    case DropReason::NodeDown: return "node_down";
    case DropReason::Injected: return "injected";
  }
  return "unknown";
}

}  // namespace cs
