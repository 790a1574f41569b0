#pragma once

// The throwaway PostgreSQL cluster scripts/with-postgres.sh starts beside the tests, screenshots and
// benchmarks, as it tells them in VC_TEST_PG_*: its address as operator 1 or 2 of the team, and why
// there is none when there is none.
#include "store/teamstore.h"

#include <QString>

#include <optional>

namespace vc::test {

struct TeamOperator
{
    TeamStoreAddress address;
    QString password;
};

// nullopt without a cluster. TLS off: the cluster is on loopback and has no certificate.
inline std::optional<TeamOperator> throwawayTeamStore(int op = 1)
{
    if (qEnvironmentVariableIsEmpty("VC_TEST_PG_HOST"))
        return std::nullopt;
    TeamOperator o;
    o.address.host = qEnvironmentVariable("VC_TEST_PG_HOST");
    o.address.port = qEnvironmentVariableIntValue("VC_TEST_PG_PORT");
    o.address.database = qEnvironmentVariable("VC_TEST_PG_DATABASE");
    o.address.user = qEnvironmentVariable(op == 1 ? "VC_TEST_PG_USER" : "VC_TEST_PG_USER2");
    o.address.sslMode = QStringLiteral("disable");
    o.password = qEnvironmentVariable(op == 1 ? "VC_TEST_PG_PASSWORD" : "VC_TEST_PG_PASSWORD2");
    return o;
}

// Said by a team-store test that skips: never a silent pass.
inline QString noThrowawayTeamStore()
{
    return QStringLiteral("team store: ") +
           qEnvironmentVariable("VC_TEST_PG_SKIP", QStringLiteral("no PostgreSQL: run the tests with scripts/with-postgres.sh "
                                                                  "(scripts/test.sh does)"));
}

} // namespace vc::test
