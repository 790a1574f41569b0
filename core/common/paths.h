#pragma once

#include <QDateTime>
#include <QString>

namespace vc::paths {

// Where the desktop app and voicectl keep what they share; VOICE_CONSOLE_DATA_DIR overrides it. Created
// when missing. Not AppDataLocation: that follows each program's own name.
QString dataFolder();
// The campaigns' journals (created when missing).
QString campaignsFolder();
// A new campaign's journal for an input file: the campaigns folder, the file's base name (letters,
// digits, _ . - kept, the rest as _, at most 60 characters, "campaign" when nothing is left) and the
// time in UTC, e.g. "reminders-20261206-101500.journal".
QString newJournalPath(const QString &inputFile, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());

inline constexpr const char *kOrganization = "VoiceConsole";
inline constexpr const char *kApplication = "voice-console";

} // namespace vc::paths
