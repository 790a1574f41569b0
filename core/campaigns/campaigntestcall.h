#pragma once

#include "calls/callmonitor.h"
#include "campaigns/campaigntypes.h"
#include "policy/contactledger.h"

#include <QObject>

#include <memory>

namespace vc {

class ExolveClient;
class LegacyClient;

// A campaign's test call: one call of its message (its service, or its audio file) to the operator's own
// number before the rest is confirmed, recorded in the contact ledger under the caps like any call, and
// followed to its final status. The wizard's confirm page and voicectl --test-to both use it.
class CampaignTestCall final : public QObject
{
    Q_OBJECT
public:
    CampaignTestCall(ExolveClient *exolve, LegacyClient *legacy, QObject *parent = nullptr);
    ~CampaignTestCall() override;

    // `number`: E.164 digits. Answers with placed() then finished(), or finished() alone when nothing was
    // placed (the caps, the ledger, the API refused).
    void start(const CampaignSettings &settings, const QString &number, ContactLedger *ledger, const ContactCaps &caps,
               const MonitorOptions &monitor = {});
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void placed(const QString &callId);
    void statusChanged(const QString &status);
    // delivered: completed (Exolve) or listened (integrationapi.net). `error`, when nothing was placed or the
    // call could not be followed: the reason, translated; `apiError` the API's own when there was one.
    void finished(bool delivered, const QString &status, const QString &error, const vc::ApiError &apiError);

private:
    void placeTest(const CampaignSettings &s, const QString &number, ContactLedger *ledger, bool team, const MonitorOptions &monitor,
                   const Result<ContactLedger::Reservation, StorageError> &reserved);
    void end(bool delivered, const QString &status, const QString &error, const ApiError &apiError = {});
    ExolveClient *m_exolve;
    LegacyClient *m_legacy;
    std::unique_ptr<CallMonitor> m_monitor;
    bool m_running = false;
};

} // namespace vc
