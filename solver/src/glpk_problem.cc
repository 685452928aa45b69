// GlpkProblem: the only file that talks to GLPK.
#include "ncpmi/lp/glpk_problem.h"

#include <glpk.h>

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>
#include <utility>

namespace ncpmi::lp {
namespace {

// What GLPK prints on this thread: to standard error during a verbose solve, else nowhere (never to
// standard output, which carries the tools' results). A "no memory" line is remembered for
// OnGlpkError.
thread_local bool t_verbose = false;
thread_local bool t_out_of_memory = false;

// GLPK calls the hook with every line it would print; returning nonzero suppresses its own output.
int Output(void* /*info*/, const char* text) {
  if (std::strstr(text, "no memory") != nullptr) t_out_of_memory = true;
  if (t_verbose) std::fputs(text, stderr);
  return 1;
}

// GLPK aborts the process when this hook returns, so it throws instead: std::bad_alloc when GLPK
// ran out of memory (reported by the tools as "FILE: out of memory"), else std::runtime_error.
// The thread's GLPK environment is unusable afterwards; the process is about to end.
void OnGlpkError(void* /*info*/) {
  if (t_out_of_memory) throw std::bad_alloc();
  throw std::runtime_error("the LP solver GLPK stopped on an internal error");
}

// Sends GLPK's log to standard error for one solve when verbose.
class ScopedTermHook {
 public:
  explicit ScopedTermHook(bool verbose) { t_verbose = verbose; }
  ~ScopedTermHook() { t_verbose = false; }
  ScopedTermHook(const ScopedTermHook&) = delete;
  ScopedTermHook& operator=(const ScopedTermHook&) = delete;
};

// GLPK keeps one environment per thread and frees it only on glp_free_env(). A thread that solved
// an LP frees its environment when it exits (sweep and test threads), so no thread leaks one; the
// problems of a thread are deleted before, as a GlpkProblem never outlives the thread that made it.
// The hooks above are installed once per environment.
class ThreadEnvironment {
 public:
  ThreadEnvironment() {
    glp_term_hook(&Output, nullptr);
    glp_error_hook(&OnGlpkError, nullptr);
  }
  ~ThreadEnvironment() { glp_free_env(); }
  ThreadEnvironment(const ThreadEnvironment&) = delete;
  ThreadEnvironment& operator=(const ThreadEnvironment&) = delete;
};

glp_prob* CreateProblem() {
  thread_local ThreadEnvironment environment;
  (void)environment;
  return glp_create_prob();
}

int TimeLimitMs(double seconds) {
  if (!(seconds > 0)) return INT_MAX;
  const double ms = std::ceil(seconds * 1000.0);
  return ms >= static_cast<double>(INT_MAX) ? INT_MAX : static_cast<int>(ms);
}

int BoundType(double lower, double upper) {
  const bool has_lower = std::isfinite(lower);
  const bool has_upper = std::isfinite(upper);
  if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
  if (has_lower) return GLP_LO;
  if (has_upper) return GLP_UP;
  return GLP_FR;
}

BasisStatus ToBasisStatus(int status) {
  switch (status) {
    case GLP_BS: return BasisStatus::kBasic;
    case GLP_NL: return BasisStatus::kAtLower;
    case GLP_NU: return BasisStatus::kAtUpper;
    case GLP_NF: return BasisStatus::kFreeNonbasic;
    default: return BasisStatus::kFixed;
  }
}

// The status of a finished simplex call (return code 0) from GLPK's solution flags.
LpStatus SimplexOutcome(glp_prob* problem) {
  switch (glp_get_status(problem)) {
    case GLP_OPT: return LpStatus::kOptimal;
    case GLP_NOFEAS: return LpStatus::kInfeasible;
    case GLP_UNBND: return LpStatus::kUnbounded;
    default: break;
  }
  // Neither optimal nor proven otherwise: look at the primal and dual feasibility flags.
  if (glp_get_prim_stat(problem) == GLP_NOFEAS) return LpStatus::kInfeasible;
  if (glp_get_dual_stat(problem) == GLP_NOFEAS) return LpStatus::kUnbounded;
  return LpStatus::kNumericalFailure;
}

// The MIP search's callback: stops the search once this thread's GLPK memory passes the limit.
struct MipMemoryGuard {
  std::size_t limit = 0;
  bool exceeded = false;
};

void CheckMipMemory(glp_tree* tree, void* info) {
  auto* guard = static_cast<MipMemoryGuard*>(info);
  std::size_t total = 0;
  glp_mem_usage(nullptr, nullptr, &total, nullptr);
  if (total > guard->limit && !guard->exceeded) {
    guard->exceeded = true;
    glp_ios_terminate(tree);
  }
}

bool IsNumericalTrouble(int code) {
  return code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND || code == GLP_EFAIL ||
         code == GLP_EINSTAB || code == GLP_ERANGE;
}

}  // namespace

GlpkProblem::GlpkProblem() : problem_(CreateProblem()) {}

GlpkProblem::~GlpkProblem() {
  if (problem_ != nullptr) glp_delete_prob(problem_);
}

GlpkProblem::GlpkProblem(GlpkProblem&& other) noexcept
    : problem_(std::exchange(other.problem_, nullptr)),
      has_mip_solution_(other.has_mip_solution_),
      has_interior_point_(other.has_interior_point_) {}

GlpkProblem& GlpkProblem::operator=(GlpkProblem&& other) noexcept {
  if (this != &other) {
    if (problem_ != nullptr) glp_delete_prob(problem_);
    problem_ = std::exchange(other.problem_, nullptr);
    has_mip_solution_ = other.has_mip_solution_;
    has_interior_point_ = other.has_interior_point_;
  }
  return *this;
}

void GlpkProblem::Resize(int rows, int columns) {
  glp_erase_prob(problem_);
  if (rows > 0) glp_add_rows(problem_, rows);
  if (columns > 0) glp_add_cols(problem_, columns);
  for (int i = 1; i <= rows; ++i) glp_set_row_bnds(problem_, i, GLP_FR, 0.0, 0.0);
  for (int j = 1; j <= columns; ++j) glp_set_col_bnds(problem_, j, GLP_LO, 0.0, 0.0);
  has_mip_solution_ = false;
  has_interior_point_ = false;
}

int GlpkProblem::NumRows() const { return glp_get_num_rows(problem_); }
int GlpkProblem::NumColumns() const { return glp_get_num_cols(problem_); }

void GlpkProblem::SetMaximize(bool maximize) {
  glp_set_obj_dir(problem_, maximize ? GLP_MAX : GLP_MIN);
}

void GlpkProblem::SetRowBounds(int row, double lower, double upper) {
  glp_set_row_bnds(problem_, row + 1, BoundType(lower, upper), std::isfinite(lower) ? lower : 0.0,
                   std::isfinite(upper) ? upper : 0.0);
}

void GlpkProblem::SetColumnBounds(int column, double lower, double upper) {
  glp_set_col_bnds(problem_, column + 1, BoundType(lower, upper),
                   std::isfinite(lower) ? lower : 0.0, std::isfinite(upper) ? upper : 0.0);
}

void GlpkProblem::SetObjective(int column, double coefficient) {
  glp_set_obj_coef(problem_, column + 1, coefficient);
}

void GlpkProblem::SetObjectiveConstant(double constant) { glp_set_obj_coef(problem_, 0, constant); }

void GlpkProblem::SetBinary(int column) { glp_set_col_kind(problem_, column + 1, GLP_BV); }

int GlpkProblem::NumIntegerColumns() const { return glp_get_num_int(problem_); }

void GlpkProblem::LoadMatrix(const std::vector<MatrixEntry>& entries) {
  // GLPK's arrays are 1-based: element 0 is unused.
  std::vector<int> rows(1, 0), columns(1, 0);
  std::vector<double> values(1, 0.0);
  rows.reserve(entries.size() + 1);
  columns.reserve(entries.size() + 1);
  values.reserve(entries.size() + 1);
  for (const MatrixEntry& e : entries) {
    if (e.value == 0.0) continue;
    rows.push_back(e.row + 1);
    columns.push_back(e.column + 1);
    values.push_back(e.value);
  }
  glp_load_matrix(problem_, static_cast<int>(rows.size()) - 1, rows.data(), columns.data(),
                  values.data());
}

LpStatus GlpkProblem::SolveSimplex(const GlpkSolveOptions& options) {
  ScopedTermHook hook(options.verbose);
  glp_smcp parameters;
  glp_init_smcp(&parameters);
  parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF;
  parameters.presolve = options.presolve ? GLP_ON : GLP_OFF;
  parameters.tm_lim = TimeLimitMs(options.time_limit_seconds);
  glp_scale_prob(problem_, GLP_SF_AUTO);
  glp_adv_basis(problem_, 0);
  int code = glp_simplex(problem_, &parameters);
  if (options.presolve && code != GLP_ETMLIM && code != GLP_EITLIM &&
      (code != 0 || glp_get_status(problem_) != GLP_OPT)) {
    // The presolver may prove infeasibility or unboundedness without leaving a basis: solve again
    // without it, so that every outcome is as without presolve.
    parameters.presolve = GLP_OFF;
    glp_adv_basis(problem_, 0);
    code = glp_simplex(problem_, &parameters);
  }
  parameters.presolve = GLP_OFF;
  if (IsNumericalTrouble(code)) {
    // Start again from the slack basis with the dual simplex, which often gets past a
    // near-singular basis the primal met.
    glp_std_basis(problem_);
    parameters.meth = GLP_DUALP;
    code = glp_simplex(problem_, &parameters);
  }
  if (IsNumericalTrouble(code)) {
    glp_std_basis(problem_);
    code = glp_exact(problem_, &parameters);
  }
  if (code == GLP_ETMLIM || code == GLP_EITLIM) return LpStatus::kLimitReached;
  if (code != 0) return LpStatus::kNumericalFailure;
  return SimplexOutcome(problem_);
}

LpStatus GlpkProblem::SolveInterior(const GlpkSolveOptions& options) {
  ScopedTermHook hook(options.verbose);
  glp_iptcp parameters;
  glp_init_iptcp(&parameters);
  parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF;
  // AMD: the quotient minimum degree ordering (GLP_ORD_QMD) hits an internal assertion on
  // sequence-form LPs of about 10^4 rows in GLPK 5.0 and aborts the process.
  parameters.ord_alg = GLP_ORD_AMD;
  // Nonzero codes (no convergence, instability, iteration limit, empty problem) are all failures;
  // all but the last leave an iterate.
  const int code = glp_interior(problem_, &parameters);
  has_interior_point_ =
      code == 0 || code == GLP_ENOCVG || code == GLP_EINSTAB || code == GLP_EITLIM;
  if (code != 0) return LpStatus::kNumericalFailure;
  switch (glp_ipt_status(problem_)) {
    case GLP_OPT: return LpStatus::kOptimal;
    case GLP_NOFEAS: return LpStatus::kInfeasible;
    default: return LpStatus::kNumericalFailure;
  }
}

LpStatus GlpkProblem::SolveExact(const GlpkSolveOptions& options) {
  ScopedTermHook hook(options.verbose);
  glp_smcp parameters;
  glp_init_smcp(&parameters);
  parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF;
  parameters.tm_lim = TimeLimitMs(options.time_limit_seconds);
  int code = glp_exact(problem_, &parameters);
  if (code == GLP_EBADB || code == GLP_ESING) {
    glp_std_basis(problem_);
    code = glp_exact(problem_, &parameters);
  }
  if (code == GLP_ETMLIM || code == GLP_EITLIM) return LpStatus::kLimitReached;
  if (code != 0) return LpStatus::kNumericalFailure;
  return SimplexOutcome(problem_);
}

LpStatus GlpkProblem::SolveMip(const GlpkSolveOptions& options) {
  ScopedTermHook hook(options.verbose);
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF;
  parameters.presolve = GLP_ON;
  parameters.tm_lim = TimeLimitMs(options.time_limit_seconds);
  MipMemoryGuard guard;
  if (options.max_memory_bytes > 0) {
    guard.limit = options.max_memory_bytes;
    parameters.cb_func = &CheckMipMemory;
    parameters.cb_info = &guard;
  }
  const int code = glp_intopt(problem_, &parameters);
  const int status = glp_mip_status(problem_);
  has_mip_solution_ = status == GLP_OPT || status == GLP_FEAS;
  if (guard.exceeded && code == GLP_ESTOP) return LpStatus::kMemoryLimit;
  if (code == GLP_ETMLIM || code == GLP_EITLIM || code == GLP_EMIPGAP) {
    return LpStatus::kLimitReached;
  }
  if (code == GLP_ENOPFS) return LpStatus::kInfeasible;
  if (code == GLP_ENODFS) return LpStatus::kUnbounded;
  if (code != 0) return LpStatus::kNumericalFailure;
  switch (status) {
    case GLP_OPT: return LpStatus::kOptimal;
    case GLP_NOFEAS: return LpStatus::kInfeasible;
    case GLP_FEAS: return LpStatus::kLimitReached;
    default: return LpStatus::kNumericalFailure;
  }
}

double GlpkProblem::ObjectiveValue() const { return glp_get_obj_val(problem_); }
double GlpkProblem::ColumnValue(int column) const { return glp_get_col_prim(problem_, column + 1); }
double GlpkProblem::RowValue(int row) const { return glp_get_row_prim(problem_, row + 1); }
double GlpkProblem::RowDual(int row) const { return glp_get_row_dual(problem_, row + 1); }
bool GlpkProblem::FactorizeBasis(const std::vector<int>& basic_variables) {
  const int rows = glp_get_num_rows(problem_);
  const int columns = glp_get_num_cols(problem_);
  if (static_cast<int>(basic_variables.size()) != rows) return false;
  glp_unscale_prob(problem_);
  for (int i = 1; i <= rows; ++i) glp_set_row_stat(problem_, i, GLP_NS);
  for (int j = 1; j <= columns; ++j) glp_set_col_stat(problem_, j, GLP_NS);
  for (const int v : basic_variables) {
    if (v < 0 || v >= rows + columns) return false;
    if (v < rows) {
      glp_set_row_stat(problem_, v + 1, GLP_BS);
    } else {
      glp_set_col_stat(problem_, v - rows + 1, GLP_BS);
    }
  }
  return glp_factorize(problem_) == 0;
}

int GlpkProblem::BasisHead(int k) const { return glp_get_bhead(problem_, k + 1) - 1; }

void GlpkProblem::SolveWithBasis(std::vector<double>* b) const {
  // GLPK's vectors are 1-based: shift in place rather than copy.
  b->insert(b->begin(), 0.0);
  glp_ftran(problem_, b->data());
  b->erase(b->begin());
}

void GlpkProblem::SolveWithBasisTransposed(std::vector<double>* b) const {
  b->insert(b->begin(), 0.0);
  glp_btran(problem_, b->data());
  b->erase(b->begin());
}

BasisStatus GlpkProblem::RowStatus(int row) const {
  return ToBasisStatus(glp_get_row_stat(problem_, row + 1));
}
BasisStatus GlpkProblem::ColumnStatus(int column) const {
  return ToBasisStatus(glp_get_col_stat(problem_, column + 1));
}
double GlpkProblem::InteriorColumnValue(int column) const {
  return glp_ipt_col_prim(problem_, column + 1);
}
double GlpkProblem::InteriorRowDual(int row) const { return glp_ipt_row_dual(problem_, row + 1); }
double GlpkProblem::MipObjectiveValue() const { return glp_mip_obj_val(problem_); }
double GlpkProblem::MipColumnValue(int column) const {
  return glp_mip_col_val(problem_, column + 1);
}

}  // namespace ncpmi::lp
