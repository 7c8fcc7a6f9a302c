#include "store/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <vector>

#include "core/url.h"

namespace citecheck::sql {
namespace {

// Prepared statements kept per connection at most; past it, statements run
// unprepared (the store has about two hundred fixed queries).
constexpr size_t kMaxPrepared = 1000;

// Lock waits given up (lock_timeout, deadlock, serialization failure) and a
// cancelled statement: the same "try again" as SQLite's busy.
bool IsBusy(const char* sqlstate) {
  if (sqlstate == nullptr) return false;
  const std::string_view code(sqlstate);
  return code == "55P03" || code == "40P01" || code == "40001" || code == "57014";
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Throws unless `result` succeeded; `what` names the statement.
void CheckResult(PGconn* connection, const PGresult* result, const std::string& what) {
  const ExecStatusType status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  throw Error(message + " (in: " + what + ")", IsBusy(sqlstate));
}

class PostgresStatement final : public StatementBackend {
 public:
  PostgresStatement(PostgresConnection& connection, const std::string& sql)
      : connection_(connection), sql_(sql) {
    int parameters = 0;
    translated_ = PostgresPlaceholders(sql, &parameters);
    values_.resize(static_cast<size_t>(parameters));
  }

  void BindInt64(int index, int64_t value) override { Slot(index) = std::to_string(value); }
  void BindDouble(int index, double value) override {
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest exact form
    (void)error;
    Slot(index) = std::string(buffer, end);
  }
  void BindText(int index, std::string_view value) override { Slot(index) = std::string(value); }
  void BindNull(int index) override { Slot(index).reset(); }
  void ClearBindings() override {
    for (auto& value : values_) value.reset();
  }

  bool Step() override {
    if (!result_) Run();
    if (row_ >= PQntuples(result_.get())) throw Error("statement stepped past its end without a reset");
    if (row_ + 1 >= PQntuples(result_.get())) {
      row_ = PQntuples(result_.get());
      return false;
    }
    ++row_;
    return true;
  }

  int Exec() override {
    if (result_) throw Error("statement executed again without a reset (in: " + sql_ + ")");
    Run();
    if (PQntuples(result_.get()) > 0) throw Error("exec() on a statement that returns rows: use executeStep()");
    const char* count = PQcmdTuples(result_.get());
    return count[0] == '\0' ? 0 : std::atoi(count);
  }

  void Reset() override {
    result_.reset();
    row_ = -1;
  }

  bool IsNull(int column) const override { return !OnRow(column) || PQgetisnull(result_.get(), row_, column); }
  bool IsFloat(int) const override { return false; }
  int64_t Int64(int column) const override {
    const std::string_view text = Text(column);
    if (text == "t") return 1;  // a boolean expression, as SQLite gives it
    if (text == "f") return 0;
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double Double(int column) const override {
    const std::string text(Text(column));
    return text.empty() ? 0.0 : std::strtod(text.c_str(), nullptr);
  }
  std::string_view Text(int column) const override {
    if (!OnRow(column)) return {};
    return std::string_view(PQgetvalue(result_.get(), row_, column),
                            static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }

 private:
  std::optional<std::string>& Slot(int index) {
    if (index < 1 || static_cast<size_t>(index) > values_.size()) {
      throw Error("bind index " + std::to_string(index) + " out of range (in: " + sql_ + ")");
    }
    result_.reset();  // a new binding means a new execution
    row_ = -1;
    return values_[static_cast<size_t>(index) - 1];
  }

  bool OnRow(int column) const {
    return result_ && row_ >= 0 && row_ < PQntuples(result_.get()) && column >= 0 &&
           column < PQnfields(result_.get());
  }

  void Run() {
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
    // Text may hold any byte but NUL, which PostgreSQL's text type cannot
    // store: refused here with a clear error rather than cut short.
    for (size_t i = 0; i < values_.size(); ++i) {
      if (values_[i] && values_[i]->find('\0') != std::string::npos) {
        throw Error("parameter " + std::to_string(i + 1) + " holds a NUL byte, which PostgreSQL text cannot store (in: " +
                    sql_ + ")");
      }
    }
    PGconn* handle = connection_.handle();
    const std::string prepared = connection_.PreparedName(translated_);
    const int count = static_cast<int>(pointers.size());
    PGresult* result = prepared.empty()
                           ? PQexecParams(handle, translated_.c_str(), count, nullptr, pointers.data(), nullptr,
                                          nullptr, 0)
                           : PQexecPrepared(handle, prepared.c_str(), count, pointers.data(), nullptr, nullptr, 0);
    result_.reset(result);
    row_ = -1;
    try {
      CheckResult(handle, result, sql_);
    } catch (...) {
      result_.reset();
      throw;
    }
  }

  PostgresConnection& connection_;
  std::string sql_;
  std::string translated_;
  std::vector<std::optional<std::string>> values_;
  Result result_;
  int row_ = -1;
};

}  // namespace

std::string PostgresPlaceholders(std::string_view sql, int* parameters) {
  std::string out;
  out.reserve(sql.size() + 8);
  int highest = 0;
  size_t i = 0;
  auto copy_until = [&](std::string_view end) {  // copies through the next `end` (or to the end)
    const size_t stop = sql.find(end, i);
    const size_t through = stop == std::string_view::npos ? sql.size() : stop + end.size();
    out.append(sql.substr(i, through - i));
    i = through;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      // A doubled quote inside is two quoted runs back to back: same result.
      out.push_back(c);
      ++i;
      copy_until(std::string_view(&c, 1));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_until("*/");
    } else if (c == '?') {
      size_t end = i + 1;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
      int number = highest + 1;
      if (end > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + end, number);
      if (number > highest) highest = number;
      out += '$';
      out += std::to_string(number);
      i = end;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  if (parameters != nullptr) *parameters = highest;
  return out;
}

PostgresConnection::PostgresConnection(const std::string& url) : name_(RedactUrlCredentials(url)) {
  // libpq waits for an unreachable server as long as TCP does (minutes)
  // unless told: 10 s, as long as SQLite's busy wait. Keywords after the
  // expanded URL would override it, so the default goes first and a
  // connect_timeout in the URL wins.
  const char* const keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* const values[] = {"10", url.c_str(), nullptr};
  connection_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK) {
    std::string message = connection_ != nullptr ? PQerrorMessage(connection_) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQfinish(connection_);
    connection_ = nullptr;
    throw Error("connecting to " + name_ + ": " + message);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors and
  // would otherwise go to stderr.
  PQsetNoticeProcessor(connection_, [](void*, const char*) {}, nullptr);
  // Timestamps the store writes come from the client; the server's clock
  // (now()) is read in UTC.
  exec("SET TIME ZONE 'UTC'");
}

PostgresConnection::~PostgresConnection() { PQfinish(connection_); }

bool PostgresConnection::Broken() const { return PQstatus(connection_) == CONNECTION_BAD; }

void PostgresConnection::Begin(const std::string& sql) {
  // PostgreSQL only warns about a BEGIN inside a transaction, and the
  // ROLLBACK that ends the inner one would end the outer one: refused, as
  // SQLite refuses it.
  if (PQtransactionStatus(connection_) != PQTRANS_IDLE) throw Error("a transaction is already open (" + sql + ")");
  exec(sql);
}

void PostgresConnection::exec(const std::string& sql) {
  Result result(PQexec(connection_, sql.c_str()));
  CheckResult(connection_, result.get(), sql);
}

bool PostgresConnection::tryExec(const std::string& sql) noexcept {
  Result result(PQexec(connection_, sql.c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::unique_ptr<StatementBackend> PostgresConnection::Prepare(const std::string& sql) {
  return std::make_unique<PostgresStatement>(*this, sql);
}

std::string PostgresConnection::PreparedName(const std::string& sql) {
  auto found = uses_.find(sql);
  if (found == uses_.end()) {
    if (uses_.size() < kMaxPrepared) uses_.emplace(sql, Use{1, ""});
    return "";
  }
  Use& use = found->second;
  if (!use.prepared.empty()) return use.prepared;
  if (++use.runs < 2) return "";
  const std::string name = "citecheck_" + std::to_string(next_name_++);
  Result result(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
  CheckResult(connection_, result.get(), sql);
  use.prepared = name;
  return name;
}

}  // namespace citecheck::sql
