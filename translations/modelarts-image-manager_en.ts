<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mim::CleanupDialog</name>
    <message numerus="yes">
        <location filename="../views/tools/CleanupDialog.cpp" line="+389"/>
        <source>day(s)</source>
        <comment>after “Not updated for N”</comment>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>tag(s) of each image</source>
        <comment>after “Keep only the newest N”</comment>
        <translation>
            <numerusform>tag of each image</numerusform>
            <numerusform>tags of each image</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n matching image(s), %1 in total.</source>
        <comment>%1 is a size</comment>
        <translation>
            <numerusform>%n matching image, %1 in total.</numerusform>
            <numerusform>%n matching images, %1 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n matching image(s) ticked, %2 in total.</source>
        <comment>%1 is a number, %2 a size</comment>
        <translation>
            <numerusform>%1 of %n matching image ticked, %2 in total.</numerusform>
            <numerusform>%1 of %n matching images ticked, %2 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The SWR content of %n public image(s) is kept.</source>
        <comment>after “Frees 3 GB in SWR.”</comment>
        <translation>
            <numerusform>The SWR content of %n public image is kept.</numerusform>
            <numerusform>The SWR content of %n public images is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Delete %n Image(s)…</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %n Image…</numerusform>
            <numerusform>Delete %n Images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+108"/>
        <source>These are the rules of your last clean-up of this account (%1, %n image(s)).</source>
        <comment>%1 is a date</comment>
        <translation>
            <numerusform>These are the rules of your last clean-up of this account (%1, %n image).</numerusform>
            <numerusform>These are the rules of your last clean-up of this account (%1, %n images).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::CleanupPreviewModel</name>
    <message numerus="yes">
        <location filename="../models/cleanup/CleanupPreviewModel.cpp" line="+219"/>
        <source>Not updated for %n day(s)</source>
        <translation>
            <numerusform>Not updated for %n day</numerusform>
            <numerusform>Not updated for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n newer version(s)</source>
        <comment>of the same image name</comment>
        <translation>
            <numerusform>%n newer version</numerusform>
            <numerusform>%n newer versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeleteImagesDialog</name>
    <message numerus="yes">
        <location filename="../models/deletion/DeleteImagesText.cpp" line="+19"/>
        <source>Delete %n image(s)?</source>
        <comment>several images</comment>
        <translation>
            <numerusform>Delete %n image?</numerusform>
            <numerusform>Delete %n images?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>and %n more</source>
        <comment>after the first names of the images to delete</comment>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n built-in image(s) skipped: built-in images cannot be deleted.</source>
        <comment>images in the selection that are left alone</comment>
        <translation>
            <numerusform>%n built-in image skipped: built-in images cannot be deleted.</numerusform>
            <numerusform>%n built-in images skipped: built-in images cannot be deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Applies to all %n selected images (all are private).</source>
        <translation>
            <numerusform>Applies to the %n selected image (it is private).</numerusform>
            <numerusform>Applies to all %n selected images (all are private).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applies to %1 of the %n selected images (the private ones); public images keep their SWR content.</source>
        <comment>%1 is the number of private images</comment>
        <translation>
            <numerusform>Applies to %1 of the %n selected images (the private ones); public images keep their SWR content.</numerusform>
            <numerusform>Applies to %1 of the %n selected images (the private ones); public images keep their SWR content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Delete %n Image(s) and SWR Content</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %n Image and SWR Content</numerusform>
            <numerusform>Delete %n Images and SWR Content</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n Image(s)</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %n Image</numerusform>
            <numerusform>Delete %n Images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeletionFlow</name>
    <message numerus="yes">
        <location filename="../views/deletion/DeletionFlow.cpp" line="+66"/>
        <source>%n deletion(s) are still running.</source>
        <translation>
            <numerusform>%n deletion is still running.</numerusform>
            <numerusform>%n deletions are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>%n image(s) deleted.</source>
        <translation>
            <numerusform>%n image deleted.</numerusform>
            <numerusform>%n images deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>The outcome of %n deletion(s) was not known: the app stopped, or the account was closed, while they ran. The server was asked; this is what became of them:</source>
        <translation>
            <numerusform>The outcome of %n deletion was not known: the app stopped, or the account was closed, while it ran. The server was asked; this is what became of it:</numerusform>
            <numerusform>The outcome of %n deletions was not known: the app stopped, or the account was closed, while they ran. The server was asked; this is what became of them:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeletionSummaryDialog</name>
    <message numerus="yes">
        <location filename="../views/deletion/DeletionSummaryDialog.cpp" line="+42"/>
        <source>%n image(s) deleted</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>%n image deleted</numerusform>
            <numerusform>%n images deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already gone</source>
        <comment>deletion summary: deleted by someone else before us</comment>
        <translation>
            <numerusform>%n already gone</numerusform>
            <numerusform>%n already gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cancelled</source>
        <comment>deletion summary: never sent</comment>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n with unknown outcome</source>
        <comment>deletion summary: sent, but the answer was lost</comment>
        <translation>
            <numerusform>%n with unknown outcome</numerusform>
            <numerusform>%n with unknown outcome</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DetailsPane</name>
    <message numerus="yes">
        <location filename="../views/main/DetailsPane.cpp" line="+264"/>
        <source>%n image(s) selected, total %1</source>
        <comment>details pane, several images selected</comment>
        <translation>
            <numerusform>%n image selected, total %1</numerusform>
            <numerusform>%n images selected, total %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n private</source>
        <comment>count of private images in the selection</comment>
        <translation>
            <numerusform>%n private</numerusform>
            <numerusform>%n private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n public</source>
        <comment>count of public images in the selection</comment>
        <translation>
            <numerusform>%n public</numerusform>
            <numerusform>%n public</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n built-in (cannot be deleted)</source>
        <translation>
            <numerusform>%n built-in (cannot be deleted)</numerusform>
            <numerusform>%n built-in (cannot be deleted)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::EmptyStateWidget</name>
    <message numerus="yes">
        <location filename="../views/main/EmptyStateWidget.cpp" line="+161"/>
        <source>None of the %n image(s) matches the filter.</source>
        <comment>empty state when the filter hides everything</comment>
        <translation>
            <numerusform>The %n image does not match the filter.</numerusform>
            <numerusform>None of the %n images matches the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ExportImages</name>
    <message numerus="yes">
        <location filename="../views/tools/ExportImages.cpp" line="+74"/>
        <source>Exported %n image(s) to %1.</source>
        <translation>
            <numerusform>Exported %n image to %1.</numerusform>
            <numerusform>Exported %n images to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::FilterBar</name>
    <message numerus="yes">
        <location filename="../views/main/FilterBar.cpp" line="+290"/>
        <source>%1: %n selected</source>
        <comment>facet button: title and how many values are accepted</comment>
        <translation>
            <numerusform>%1: %n selected</numerusform>
            <numerusform>%1: %n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::Formatting</name>
    <message numerus="yes">
        <location filename="../models/common/Formatting.cpp" line="+82"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupModel</name>
    <message numerus="yes">
        <location filename="../models/groups/ImageGroupModel.cpp" line="+112"/>
        <source>%n failed</source>
        <comment>versions of the group that failed to save</comment>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>The server counts %n version(s); %1 are in the image list.</source>
        <translation>
            <numerusform>The server counts %n version; %1 is in the image list.</numerusform>
            <numerusform>The server counts %n versions; %1 are in the image list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupsDialog</name>
    <message numerus="yes">
        <location filename="../views/tools/ImageGroupsDialog.cpp" line="+194"/>
        <source>%n group(s), %1 in total.</source>
        <translation>
            <numerusform>%n group, %1 in total.</numerusform>
            <numerusform>%n groups, %1 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n version(s)</source>
        <comment>in “3 groups, 12 versions in total”</comment>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>Deleting “%1” and its %n version(s)…</source>
        <translation>
            <numerusform>Deleting “%1” and its %n version…</numerusform>
            <numerusform>Deleting “%1” and its %n versions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Deleted “%1” and its %n version(s), with their SWR content.</source>
        <translation>
            <numerusform>Deleted “%1” and its %n version, with their SWR content.</numerusform>
            <numerusform>Deleted “%1” and its %n versions, with their SWR content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Deleted “%1” and its %n version(s); the SWR content is kept.</source>
        <translation>
            <numerusform>Deleted “%1” and its %n version; the SWR content is kept.</numerusform>
            <numerusform>Deleted “%1” and its %n versions; the SWR content is kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::MainStatusBar</name>
    <message numerus="yes">
        <location filename="../views/main/MainStatusBar.cpp" line="+85"/>
        <source>%n image(s), %1</source>
        <comment>status bar: count and total size</comment>
        <translation>
            <numerusform>%n image, %1</numerusform>
            <numerusform>%n images, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %n image(s) shown, %2</source>
        <comment>status bar: filtered count, total count, size</comment>
        <translation>
            <numerusform>%1 of %n image shown, %2</numerusform>
            <numerusform>%1 of %n images shown, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n selected, %1</source>
        <comment>status bar: selection count and size</comment>
        <translation>
            <numerusform>%n selected, %1</numerusform>
            <numerusform>%n selected, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n image(s) being saved — watching for changes</source>
        <comment>status bar</comment>
        <translation>
            <numerusform>%n image being saved — watching for changes</numerusform>
            <numerusform>%n images being saved — watching for changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Deleting: %1 of %n image(s)</source>
        <comment>status bar progress; %1 is the number done</comment>
        <translation>
            <numerusform>Deleting: %1 of %n image</numerusform>
            <numerusform>Deleting: %1 of %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::MainWindow</name>
    <message numerus="yes">
        <location filename="../views/main/MainWindow.cpp" line="+412"/>
        <source>Skipped %n image record(s) that could not be read.</source>
        <translation>
            <numerusform>Skipped %n image record that could not be read.</numerusform>
            <numerusform>Skipped %n image records that could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>Asking ModelArts to check %n image(s) again…</source>
        <translation>
            <numerusform>Asking ModelArts to check %n image again…</numerusform>
            <numerusform>Asking ModelArts to check %n images again…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ProfileDialog</name>
    <message numerus="yes">
        <location filename="../views/accounts/ProfileDialog.cpp" line="+437"/>
        <source>Connected: %n image(s) visible, project id %1</source>
        <extracomment>%n images the account can see, %1 the project id</extracomment>
        <translation>
            <numerusform>Connected: %n image visible, project id %1</numerusform>
            <numerusform>Connected: %n images visible, project id %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::RegisterImageRequest</name>
    <message numerus="yes">
        <location filename="../models/groups/RegisterImageRequest.cpp" line="+132"/>
        <source>The SWR path is too long: at most %n characters.</source>
        <translation>
            <numerusform>The SWR path is too long: at most %n character.</numerusform>
            <numerusform>The SWR path is too long: at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>The SWR path is too short: at least %n characters, registry included.</source>
        <translation>
            <numerusform>The SWR path is too short: at least %n character, registry included.</numerusform>
            <numerusform>The SWR path is too short: at least %n characters, registry included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>The description is too long: at most %n characters.</source>
        <translation>
            <numerusform>The description is too long: at most %n character.</numerusform>
            <numerusform>The description is too long: at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At most %n tags are allowed.</source>
        <translation>
            <numerusform>At most %n tag is allowed.</numerusform>
            <numerusform>At most %n tags are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The tag key “%1” is too long: at most %n characters.</source>
        <translation>
            <numerusform>The tag key “%1” is too long: at most %n character.</numerusform>
            <numerusform>The tag key “%1” is too long: at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The value of tag “%1” is too long: at most %n characters.</source>
        <translation>
            <numerusform>The value of tag “%1” is too long: at most %n character.</numerusform>
            <numerusform>The value of tag “%1” is too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::SelectionActions</name>
    <message numerus="yes">
        <location filename="../views/main/SelectionActions.cpp" line="+145"/>
        <source>Copied %n image ID(s).</source>
        <translation>
            <numerusform>Copied %n image ID.</numerusform>
            <numerusform>Copied %n image IDs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %n SWR path(s).</source>
        <translation>
            <numerusform>Copied %n SWR path.</numerusform>
            <numerusform>Copied %n SWR paths.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %n name:tag line(s).</source>
        <translation>
            <numerusform>Copied %n name:tag line.</numerusform>
            <numerusform>Copied %n name:tag lines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::UsageListing</name>
    <message numerus="yes">
        <location filename="../models/api/UsageListing.cpp" line="+212"/>
        <source>%n entries of the %1 could not be read: %2</source>
        <translation>
            <numerusform>%n entry of the %1 could not be read: %2</numerusform>
            <numerusform>%n entries of the %1 could not be read: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::app::DemoServer</name>
    <message numerus="yes">
        <location filename="../app/DemoServer.cpp" line="+32"/>
        <source>The demo server did not start within %n seconds.</source>
        <translation>
            <numerusform>The demo server did not start within %n second.</numerusform>
            <numerusform>The demo server did not start within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::app::SelfTest</name>
    <message numerus="yes">
        <location filename="../app/SelfTest.cpp" line="+57"/>
        <source>No answer within %n second(s).</source>
        <translation>
            <numerusform>No answer within %n second.</numerusform>
            <numerusform>No answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
