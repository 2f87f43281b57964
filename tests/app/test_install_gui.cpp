// `cmake --install` into a temporary prefix: the app, the CLI, lessons, examples, translations, the
// .desktop file, the hicolor icon and valid AppStream metainfo land in the usual places, and the
// installed app, started offscreen from another directory on a lesson in zh-TW, reads the lessons
// installed under its own prefix.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

struct Ran {
  bool finished = false;
  int code = -1;
  QString out;
};

Ran run(const QString& program, const QStringList& args, const QString& workDir = {}) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(program, args);
  Ran r;
  r.finished = p.waitForFinished(120000);
  r.code = p.exitCode();
  r.out = QString::fromLocal8Bit(p.readAll());
  return r;
}

QStringList svgTexts(const QString& path) {
  QStringList texts;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return texts;
  QXmlStreamReader xml(&f);
  while (!xml.atEnd())
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
      texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
  return texts;
}

// Changes the installed copy of a lesson's zh-TW title, to tell it apart from the built-in one.
bool markInstalledLesson(const QString& file, const QString& mark) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) return false;
  QJsonObject lesson = QJsonDocument::fromJson(f.readAll()).object();
  f.close();
  QJsonObject title = lesson.value(QStringLiteral("title")).toObject();
  title[QStringLiteral("zh-TW")] = title.value(QStringLiteral("zh-TW")).toString() + mark;
  lesson[QStringLiteral("title")] = title;
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  return f.write(QJsonDocument(lesson).toJson()) > 0;
}

}  // namespace

TEST(Install, InstalledAppStartsOnALessonInChineseFromItsPrefix) {
  QTemporaryDir prefix;
  ASSERT_TRUE(prefix.isValid());
  const Ran install = run(QStringLiteral(COMMITSCOPE_CMAKE), {QStringLiteral("--install"), QStringLiteral(COMMITSCOPE_BUILD_DIR),
                                                              QStringLiteral("--prefix"), prefix.path()});
  ASSERT_TRUE(install.finished && install.code == 0) << install.out.toStdString();
  const QDir root(prefix.path());
  for (const char* file : {"bin/commitscope", "bin/commitscope-cli", "bin/commitscope-cli-qt",  // the CLI's pg-lab part
                           "share/commitscope/lessons/08-2pc-blocks.json",
                           "share/commitscope/scenarios/2pc-happy.json", "share/commitscope/translations/commitscope_zh_TW.qm",
                           "share/applications/io.github.commitscope.CommitScope.desktop",
                           "share/icons/hicolor/scalable/apps/io.github.commitscope.CommitScope.svg",
                           "share/metainfo/io.github.commitscope.CommitScope.metainfo.xml"})
    EXPECT_TRUE(QFileInfo(root.filePath(QString::fromLatin1(file))).isFile()) << file;

  // The desktop entry starts the installed program and names the installed icon.
  QSettings desktop(root.filePath(QStringLiteral("share/applications/io.github.commitscope.CommitScope.desktop")), QSettings::IniFormat);
  EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/Exec")).toString(), QStringLiteral("commitscope"));
  EXPECT_EQ(desktop.value(QStringLiteral("Desktop Entry/Icon")).toString(), QStringLiteral("io.github.commitscope.CommitScope"));
  const Ran valid = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                          root.filePath(QStringLiteral("share/metainfo/io.github.commitscope.CommitScope.metainfo.xml"))});
  EXPECT_TRUE(valid.finished && valid.code == 0) << "appstreamcli (scripts/setup installs it): " << valid.out.toStdString();

  // Started from elsewhere, in zh-TW, on lesson 08: the title shown is the installed file's.
  const QString mark = QStringLiteral("（已安裝）");
  ASSERT_TRUE(markInstalledLesson(root.filePath(QStringLiteral("share/commitscope/lessons/08-2pc-blocks.json")), mark));
  QTemporaryDir elsewhere;
  const QString png = elsewhere.filePath(QStringLiteral("lesson.png")), svg = elsewhere.filePath(QStringLiteral("lesson.svg"));
  for (const QString& shot : {png, svg}) {
    const Ran app = run(root.filePath(QStringLiteral("bin/commitscope")),
                        {QStringLiteral("--profile"), elsewhere.filePath(QStringLiteral("profile")), QStringLiteral("--lang"), QStringLiteral("zh-TW"),
                         QStringLiteral("--lesson"), QStringLiteral("08-2pc-blocks"), QStringLiteral("--size"), QStringLiteral("1280x720"),
                         QStringLiteral("--screenshot"), shot},
                        elsewhere.path());
    ASSERT_TRUE(app.finished && app.code == 0) << app.out.toStdString();
  }
  const QImage image(png);
  EXPECT_EQ(image.size(), QSize(1280, 720));
  const QStringList texts = svgTexts(svg);
  const QString all = texts.join(QLatin1Char('|'));
  EXPECT_TRUE(all.contains(mark)) << "the installed lesson was read: " << all.toStdString();
  EXPECT_TRUE(all.contains(QStringLiteral("檔案"))) << "the interface is in zh-TW";
}
