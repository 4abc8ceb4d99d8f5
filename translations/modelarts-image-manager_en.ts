<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mim::CatalogNotices</name>
    <message numerus="yes">
        <location filename="../views/main/CatalogNotices.cpp" line="+18"/>
        <source>Skipped %Ln image record(s) that could not be read.</source>
        <translation>
            <numerusform>Skipped %Ln image record that could not be read.</numerusform>
            <numerusform>Skipped %Ln image records that could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>The list is incomplete: loading stopped after %Ln image(s). %1</source>
        <translation>
            <numerusform>The list is incomplete: loading stopped after %Ln image. %1</numerusform>
            <numerusform>The list is incomplete: loading stopped after %Ln images. %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::CleanupDialog</name>
    <message numerus="yes">
        <location filename="../views/tools/CleanupDialog.cpp" line="+409"/>
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
        <location line="+44"/>
        <source>%Ln matching image(s) not proposed: in use by notebooks, training jobs or services.</source>
        <translation>
            <numerusform>%Ln matching image not proposed: in use by notebooks, training jobs or services.</numerusform>
            <numerusform>%Ln matching images not proposed: in use by notebooks, training jobs or services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln matching image(s) not proposed: whether they are in use could not be checked.</source>
        <translation>
            <numerusform>%Ln matching image not proposed: whether it is in use could not be checked.</numerusform>
            <numerusform>%Ln matching images not proposed: whether they are in use could not be checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%Ln matching image(s), %1 in total.</source>
        <comment>%1 is a size</comment>
        <translation>
            <numerusform>%Ln matching image, %1 in total.</numerusform>
            <numerusform>%Ln matching images, %1 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %Ln matching image(s) ticked, %2 in total.</source>
        <comment>%1 is a number, %2 a size</comment>
        <translation>
            <numerusform>%1 of %Ln matching image ticked, %2 in total.</numerusform>
            <numerusform>%1 of %Ln matching images ticked, %2 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>The SWR content of %Ln public image(s) is kept.</source>
        <comment>after “Frees 3 GB in SWR.”</comment>
        <translation>
            <numerusform>The SWR content of %Ln public image is kept.</numerusform>
            <numerusform>The SWR content of %Ln public images is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Delete %Ln Image(s)…</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %Ln Image…</numerusform>
            <numerusform>Delete %Ln Images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+141"/>
        <source>These are the rules of your last clean-up of this account (%1, %Ln image(s)).</source>
        <comment>%1 is a date</comment>
        <translation>
            <numerusform>These are the rules of your last clean-up of this account (%1, %Ln image).</numerusform>
            <numerusform>These are the rules of your last clean-up of this account (%1, %Ln images).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::CleanupPreviewModel</name>
    <message numerus="yes">
        <location filename="../models/cleanup/CleanupPreviewModel.cpp" line="+224"/>
        <source>Not updated for %Ln day(s)</source>
        <translation>
            <numerusform>Not updated for %Ln day</numerusform>
            <numerusform>Not updated for %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln newer version(s)</source>
        <comment>of the same image name</comment>
        <translation>
            <numerusform>%Ln newer version</numerusform>
            <numerusform>%Ln newer versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeleteImagesDialog</name>
    <message numerus="yes">
        <location filename="../models/deletion/DeleteImagesText.cpp" line="+35"/>
        <source>Delete %Ln image(s)?</source>
        <comment>several images</comment>
        <translation>
            <numerusform>Delete %Ln image?</numerusform>
            <numerusform>Delete %Ln images?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>All %Ln selected image(s) are in use: none is deleted unless you include them.</source>
        <comment>headline when every selected image is in use and left out</comment>
        <translation>
            <numerusform>The %Ln selected image is in use: it is not deleted unless you include it.</numerusform>
            <numerusform>All %Ln selected images are in use: none is deleted unless you include them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <location line="+66"/>
        <source>and %Ln more</source>
        <comment>after the first names of the images to delete</comment>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-56"/>
        <source>%Ln built-in image(s) skipped: built-in images cannot be deleted.</source>
        <comment>images in the selection that are left alone</comment>
        <translation>
            <numerusform>%Ln built-in image skipped: built-in images cannot be deleted.</numerusform>
            <numerusform>%Ln built-in images skipped: built-in images cannot be deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Applies to all %Ln selected images (all are private).</source>
        <translation>
            <numerusform>Applies to the %Ln selected image (it is private).</numerusform>
            <numerusform>Applies to all %Ln selected images (all are private).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applies to %1 of the %Ln selected images (the private ones); public images keep their SWR content.</source>
        <comment>%1 is the number of private images</comment>
        <translation>
            <numerusform>Applies to %1 of the %Ln selected images (the private ones); public images keep their SWR content.</numerusform>
            <numerusform>Applies to %1 of the %Ln selected images (the private ones); public images keep their SWR content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Delete %Ln Image(s) and SWR Content</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %Ln Image and SWR Content</numerusform>
            <numerusform>Delete %Ln Images and SWR Content</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>Delete %Ln Image(s)</source>
        <comment>button</comment>
        <translation>
            <numerusform>Delete %Ln Image</numerusform>
            <numerusform>Delete %Ln Images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-80"/>
        <source>%1 of the %2 selected images are already being deleted; delete the other %Ln?</source>
        <comment>%1 and %2 are numbers of images; %Ln the images not being deleted yet</comment>
        <translation>
            <numerusform>%1 of the %2 selected images are already being deleted; delete the other one?</numerusform>
            <numerusform>%1 of the %2 selected images are already being deleted; delete the other %Ln?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of the %2 selected images are already being deleted; delete %Ln of the others?</source>
        <comment>%1 and %2 are numbers of images; %Ln the images not being deleted yet and not left out</comment>
        <translation>
            <numerusform>%1 of the %2 selected images are already being deleted; delete %Ln of the others?</numerusform>
            <numerusform>%1 of the %2 selected images are already being deleted; delete %Ln of the others?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>Delete %Ln Image(s) (SWR Content of %1)</source>
        <comment>button; %1 is how many lose their SWR content too</comment>
        <translation>
            <numerusform>Delete %Ln Image (SWR Content of %1)</numerusform>
            <numerusform>Delete %Ln Images (SWR Content of %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%Ln image(s) in use, kept unless you include them:</source>
        <comment>images of the selection that notebooks, training jobs or services run</comment>
        <translation>
            <numerusform>%Ln image in use, kept unless you include it:</numerusform>
            <numerusform>%Ln images in use, kept unless you include them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 — used by %2 and %Ln more</source>
        <comment>name:tag — used by notebook llm-dev (Running) and 2 more</comment>
        <translation>
            <numerusform>%1 — used by %2 and %Ln more</numerusform>
            <numerusform>%1 — used by %2 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>and %Ln more in use</source>
        <comment>after the first images in use</comment>
        <translation>
            <numerusform>and %Ln more in use</numerusform>
            <numerusform>and %Ln more in use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete the %Ln image(s) in use as well</source>
        <translation>
            <numerusform>Delete the image in use as well</numerusform>
            <numerusform>Delete the %Ln images in use as well</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Whether %Ln of these image(s) are in use could not be checked; they are deleted if you confirm.</source>
        <comment>usage of the images is unknown</comment>
        <translation>
            <numerusform>Whether %Ln of these images is in use could not be checked; it is deleted if you confirm.</numerusform>
            <numerusform>Whether %Ln of these images are in use could not be checked; they are deleted if you confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>I understand this deletes %Ln image(s) (%1)</source>
        <comment>%1 is their total size</comment>
        <translation>
            <numerusform>I understand this deletes %Ln image (%1)</numerusform>
            <numerusform>I understand this deletes %Ln images (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln of these image(s) are still being created (status INIT or CREATING).</source>
        <translation>
            <numerusform>%Ln of these images is still being created (status INIT or CREATING).</numerusform>
            <numerusform>%Ln of these images are still being created (status INIT or CREATING).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeleteTagsDialog</name>
    <message numerus="yes">
        <location filename="../views/storage/DeleteTagsDialog.cpp" line="+34"/>
        <source>Delete %n SWR Tag(s)</source>
        <translation>
            <numerusform>Delete %n SWR Tag</numerusform>
            <numerusform>Delete %n SWR Tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete %n tag(s) from SWR, %1?</source>
        <translation>
            <numerusform>Delete %n tag from SWR, %1?</numerusform>
            <numerusform>Delete %n tags from SWR, %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%n of unknown size not counted)</source>
        <translation>
            <numerusform>(%n of unknown size not counted)</numerusform>
            <numerusform>(%n of unknown size not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n selected tag(s) registered in ModelArts are left out: delete the image with force instead.</source>
        <translation>
            <numerusform>%n selected tag registered in ModelArts is left out: delete the image with force instead.</numerusform>
            <numerusform>%n selected tags registered in ModelArts are left out: delete the image with force instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete %n Tag(s)</source>
        <translation>
            <numerusform>Delete %n Tag</numerusform>
            <numerusform>Delete %n Tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeletionFlow</name>
    <message numerus="yes">
        <location filename="../views/deletion/DeletionFlow.cpp" line="+70"/>
        <source>%Ln deletion(s) are still running.</source>
        <translation>
            <numerusform>%Ln deletion is still running.</numerusform>
            <numerusform>%Ln deletions are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>The %Ln selected image(s) are already being deleted.</source>
        <translation>
            <numerusform>The %Ln selected image is already being deleted.</numerusform>
            <numerusform>The %Ln selected images are already being deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%Ln image(s) deleted.</source>
        <translation>
            <numerusform>%Ln image deleted.</numerusform>
            <numerusform>%Ln images deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>The outcome of %Ln deletion(s) was not known: the app stopped, or the account was closed, while they ran. The server was asked; this is what became of them:</source>
        <translation>
            <numerusform>The outcome of %Ln deletion was not known: the app stopped, or the account was closed, while it ran. The server was asked; this is what became of it:</numerusform>
            <numerusform>The outcome of %Ln deletions was not known: the app stopped, or the account was closed, while they ran. The server was asked; this is what became of them:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeletionSummaryDialog</name>
    <message numerus="yes">
        <location filename="../views/deletion/DeletionSummaryDialog.cpp" line="+81"/>
        <location line="+75"/>
        <source>%Ln image(s) deleted</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>%Ln image deleted</numerusform>
            <numerusform>%Ln images deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <location line="+87"/>
        <source>%Ln already gone</source>
        <comment>deletion summary: deleted by someone else before us</comment>
        <translation>
            <numerusform>%Ln already gone</numerusform>
            <numerusform>%Ln already gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-89"/>
        <location line="+91"/>
        <source>%Ln failed</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-86"/>
        <location line="+88"/>
        <source>%Ln cancelled</source>
        <comment>deletion summary: never sent</comment>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-86"/>
        <location line="+89"/>
        <source>%Ln with unknown outcome</source>
        <comment>deletion summary: sent, but the answer was lost</comment>
        <translation>
            <numerusform>%Ln with unknown outcome</numerusform>
            <numerusform>%Ln with unknown outcome</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DetailsPane</name>
    <message numerus="yes">
        <location filename="../views/main/DetailsPane.cpp" line="+426"/>
        <source>%Ln image(s) selected, total %1</source>
        <comment>details pane, several images selected</comment>
        <translation>
            <numerusform>%Ln image selected, total %1</numerusform>
            <numerusform>%Ln images selected, total %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln private</source>
        <comment>count of private images in the selection</comment>
        <translation>
            <numerusform>%Ln private</numerusform>
            <numerusform>%Ln private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln public</source>
        <comment>count of public images in the selection</comment>
        <translation>
            <numerusform>%Ln public</numerusform>
            <numerusform>%Ln public</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln built-in (cannot be deleted)</source>
        <translation>
            <numerusform>%Ln built-in (cannot be deleted)</numerusform>
            <numerusform>%Ln built-in (cannot be deleted)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::EmptyStateWidget</name>
    <message numerus="yes">
        <location filename="../views/main/EmptyStateWidget.cpp" line="+161"/>
        <source>None of the %Ln image(s) matches the filter.</source>
        <comment>empty state when the filter hides everything</comment>
        <translation>
            <numerusform>The %Ln image does not match the filter.</numerusform>
            <numerusform>None of the %Ln images matches the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ExportImages</name>
    <message numerus="yes">
        <location filename="../views/tools/ExportImages.cpp" line="+117"/>
        <source>Exported %Ln image(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln image to %1.</numerusform>
            <numerusform>Exported %Ln images to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::FilterBar</name>
    <message numerus="yes">
        <location filename="../views/main/FilterBar.cpp" line="+360"/>
        <source>%1: %Ln selected</source>
        <comment>facet button: title and how many values are accepted</comment>
        <translation>
            <numerusform>%1: %Ln selected</numerusform>
            <numerusform>%1: %Ln selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::FilterNotices</name>
    <message numerus="yes">
        <location filename="../views/main/FilterNotices.cpp" line="+109"/>
        <source>Filtered: showing %1 of %Ln image(s).</source>
        <comment>the filter of the last session hides images</comment>
        <translation>
            <numerusform>Filtered: showing %1 of %Ln image.</numerusform>
            <numerusform>Filtered: showing %1 of %Ln images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln image(s) match &quot;%1&quot; only in %2, which the table hides.</source>
        <translation>
            <numerusform>%Ln image matches &quot;%1&quot; only in %2, which the table hides.</numerusform>
            <numerusform>%Ln images match &quot;%1&quot; only in %2, which the table hides.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::Formatting</name>
    <message numerus="yes">
        <location filename="../models/common/Formatting.cpp" line="+110"/>
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>%Ln minute ago</numerusform>
            <numerusform>%Ln minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>%Ln hour ago</numerusform>
            <numerusform>%Ln hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::FreedStorage</name>
    <message numerus="yes">
        <location filename="../models/storage/FreedStorage.cpp" line="+74"/>
        <source>Frees about %1 in SWR: from the SWR tag sizes, and by ModelArts&apos; size for %Ln image(s) whose SWR tag was not found.</source>
        <translation>
            <numerusform>Frees about %1 in SWR: from the SWR tag sizes, and by ModelArts&apos; size for %Ln image whose SWR tag was not found.</numerusform>
            <numerusform>Frees about %1 in SWR: from the SWR tag sizes, and by ModelArts&apos; size for %Ln images whose SWR tag was not found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupModel</name>
    <message numerus="yes">
        <location filename="../models/groups/ImageGroupModel.cpp" line="+142"/>
        <source>The server counts %Ln version(s); %1 are in the image list.</source>
        <translation>
            <numerusform>The server counts %Ln version; %1 is in the image list.</numerusform>
            <numerusform>The server counts %Ln versions; %1 are in the image list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%L1 of %Ln version(s) failed to save</source>
        <translation>
            <numerusform>%L1 of %Ln version failed to save</numerusform>
            <numerusform>%L1 of %Ln versions failed to save</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupsDialog</name>
    <message numerus="yes">
        <location filename="../views/tools/ImageGroupsDialog.cpp" line="+200"/>
        <source>%Ln group(s), %1 in total.</source>
        <translation>
            <numerusform>%Ln group, %1 in total.</numerusform>
            <numerusform>%Ln groups, %1 in total.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln version(s)</source>
        <comment>in “3 groups, 12 versions in total”</comment>
        <translation>
            <numerusform>%Ln version</numerusform>
            <numerusform>%Ln versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Deleting “%1” and its %Ln version(s)…</source>
        <translation>
            <numerusform>Deleting “%1” and its %Ln version…</numerusform>
            <numerusform>Deleting “%1” and its %Ln versions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Deleted “%1” and its %Ln version(s), with their SWR content.</source>
        <translation>
            <numerusform>Deleted “%1” and its %Ln version, with their SWR content.</numerusform>
            <numerusform>Deleted “%1” and its %Ln versions, with their SWR content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Deleted “%1” and its %Ln version(s); the SWR content is kept.</source>
        <translation>
            <numerusform>Deleted “%1” and its %Ln version; the SWR content is kept.</numerusform>
            <numerusform>Deleted “%1” and its %Ln versions; the SWR content is kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ImageTableModel</name>
    <message numerus="yes">
        <location filename="../models/catalog/ImageTableModel.cpp" line="+95"/>
        <source>Its status has not changed for %n minute(s) of watching, so the app stopped asking for it. Resync Status asks ModelArts to check it again; Refresh shows any change.</source>
        <translation>
            <numerusform>Its status has not changed for %n minute of watching, so the app stopped asking for it. Resync Status asks ModelArts to check it again; Refresh shows any change.</numerusform>
            <numerusform>Its status has not changed for %n minutes of watching, so the app stopped asking for it. Resync Status asks ModelArts to check it again; Refresh shows any change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::MainStatusBar</name>
    <message numerus="yes">
        <location filename="../views/main/MainStatusBar.cpp" line="+85"/>
        <source>%Ln image(s), %1</source>
        <comment>status bar: count and total size</comment>
        <translation>
            <numerusform>%Ln image, %1</numerusform>
            <numerusform>%Ln images, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %Ln image(s) shown, %2</source>
        <comment>status bar: filtered count, total count, size</comment>
        <translation>
            <numerusform>%1 of %Ln image shown, %2</numerusform>
            <numerusform>%1 of %Ln images shown, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln selected, %1</source>
        <comment>status bar: selection count and size</comment>
        <translation>
            <numerusform>%Ln selected, %1</numerusform>
            <numerusform>%Ln selected, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%Ln image(s) being saved — watching for changes</source>
        <comment>status bar</comment>
        <translation>
            <numerusform>%Ln image being saved — watching for changes</numerusform>
            <numerusform>%Ln images being saved — watching for changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Deleting: %1 of %Ln image(s)</source>
        <comment>status bar progress; %1 is the number done</comment>
        <translation>
            <numerusform>Deleting: %1 of %Ln image</numerusform>
            <numerusform>Deleting: %1 of %Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::MainWindow</name>
    <message numerus="yes">
        <location filename="../views/main/MainWindow.cpp" line="+556"/>
        <source>Asking ModelArts to check %Ln image(s) again…</source>
        <translation>
            <numerusform>Asking ModelArts to check %Ln image again…</numerusform>
            <numerusform>Asking ModelArts to check %Ln images again…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ProfileDialog</name>
    <message numerus="yes">
        <location filename="../views/accounts/ProfileDialog.cpp" line="+465"/>
        <source>Connected: %Ln image(s) visible, project id %1</source>
        <extracomment>%Ln images the account can see, %1 the project id</extracomment>
        <translation>
            <numerusform>Connected: %Ln image visible, project id %1</numerusform>
            <numerusform>Connected: %Ln images visible, project id %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::RegisterImageRequest</name>
    <message numerus="yes">
        <location filename="../models/groups/RegisterImageRequest.cpp" line="+132"/>
        <source>The SWR path is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>The SWR path is too long: at most %Ln character.</numerusform>
            <numerusform>The SWR path is too long: at most %Ln characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>The SWR path is too short: at least %Ln characters, registry included.</source>
        <translation>
            <numerusform>The SWR path is too short: at least %Ln character, registry included.</numerusform>
            <numerusform>The SWR path is too short: at least %Ln characters, registry included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>The description is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>The description is too long: at most %Ln character.</numerusform>
            <numerusform>The description is too long: at most %Ln characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At most %Ln tags are allowed.</source>
        <translation>
            <numerusform>At most %Ln tag is allowed.</numerusform>
            <numerusform>At most %Ln tags are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The tag key “%1” is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>The tag key “%1” is too long: at most %Ln character.</numerusform>
            <numerusform>The tag key “%1” is too long: at most %Ln characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The value of tag “%1” is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>The value of tag “%1” is too long: at most %Ln character.</numerusform>
            <numerusform>The value of tag “%1” is too long: at most %Ln characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::SelectionActions</name>
    <message numerus="yes">
        <location filename="../views/main/SelectionActions.cpp" line="+148"/>
        <source>Copied %Ln image ID(s).</source>
        <translation>
            <numerusform>Copied %Ln image ID.</numerusform>
            <numerusform>Copied %Ln image IDs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %Ln SWR path(s).</source>
        <translation>
            <numerusform>Copied %Ln SWR path.</numerusform>
            <numerusform>Copied %Ln SWR paths.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %Ln name:tag line(s).</source>
        <translation>
            <numerusform>Copied %Ln name:tag line.</numerusform>
            <numerusform>Copied %Ln name:tag lines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::SizeUnit</name>
    <message numerus="yes">
        <location filename="../models/api/SizeUnitInference.cpp" line="+70"/>
        <source>ModelArts&apos; image size is read as bytes: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about the same number.</source>
        <translation>
            <numerusform>ModelArts&apos; image size is read as bytes: for %1 of %Ln image compared, the size of its SWR tag (in bytes) is about the same number.</numerusform>
            <numerusform>ModelArts&apos; image size is read as bytes: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about the same number.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>ModelArts&apos; image size is read as KB, as documented: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about 1,024 times it.</source>
        <translation>
            <numerusform>ModelArts&apos; image size is read as KB, as documented: for %1 of %Ln image compared, the size of its SWR tag (in bytes) is about 1,024 times it.</numerusform>
            <numerusform>ModelArts&apos; image size is read as KB, as documented: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about 1,024 times it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>ModelArts&apos; image size is read as KB, as the API documents: only %Ln image(s) could be compared with their SWR tag, too few to decide.</source>
        <translation>
            <numerusform>ModelArts&apos; image size is read as KB, as the API documents: only %Ln image could be compared with its SWR tag, too few to decide.</numerusform>
            <numerusform>ModelArts&apos; image size is read as KB, as the API documents: only %Ln images could be compared with their SWR tag, too few to decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::StorageBarChart</name>
    <message numerus="yes">
        <location filename="../views/storage/StorageBarChart.cpp" line="+74"/>
        <source>Not registered: %1 in %n tag(s)</source>
        <translation>
            <numerusform>Not registered: %1 in %n tag</numerusform>
            <numerusform>Not registered: %1 in %n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Total: %1 in %n tag(s)</source>
        <translation>
            <numerusform>Total: %1 in %n tag</numerusform>
            <numerusform>Total: %1 in %n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n tag(s) of unknown size are not counted.</source>
        <translation>
            <numerusform>%n tag of unknown size is not counted.</numerusform>
            <numerusform>%n tags of unknown size are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::StorageRepositoryModel</name>
    <message numerus="yes">
        <location filename="../views/storage/StorageRepositoryModel.cpp" line="+144"/>
        <source>%1 of %n tag(s) registered</source>
        <translation>
            <numerusform>%1 of %n tag registered</numerusform>
            <numerusform>%1 of %n tags registered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::StorageTagModel</name>
    <message numerus="yes">
        <location filename="../views/storage/StorageTagModel.cpp" line="+42"/>
        <source>Registered (%n image(s))</source>
        <translation>
            <numerusform>Registered (%n image)</numerusform>
            <numerusform>Registered (%n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1, +%n more</source>
        <translation>
            <numerusform>%1, +%n more</numerusform>
            <numerusform>%1, +%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::SwrStorageDialog</name>
    <message numerus="yes">
        <location filename="../views/storage/SwrStorageDialog.cpp" line="+346"/>
        <source>Reading the tags of %1 of %n repositories…</source>
        <translation>
            <numerusform>Reading the tags of %1 of %n repository…</numerusform>
            <numerusform>Reading the tags of %1 of %n repositories…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>Total %1 in %n organization(s), %2 of it registered in ModelArts.</source>
        <translation>
            <numerusform>Total %1 in %n organization, %2 of it registered in ModelArts.</numerusform>
            <numerusform>Total %1 in %n organizations, %2 of it registered in ModelArts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Not registered: %1 in %n tag(s).</source>
        <translation>
            <numerusform>Not registered: %1 in %n tag.</numerusform>
            <numerusform>Not registered: %1 in %n tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n tag(s) of unknown size are not counted.</source>
        <translation>
            <numerusform>%n tag of unknown size is not counted.</numerusform>
            <numerusform>%n tags of unknown size are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n image(s) stored in an SWR Enterprise instance are not shown: not supported yet.</source>
        <translation>
            <numerusform>%n image stored in an SWR Enterprise instance is not shown: not supported yet.</numerusform>
            <numerusform>%n images stored in an SWR Enterprise instance are not shown: not supported yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>Delete the %n selected tag(s) from SWR, after a confirmation.</source>
        <translation>
            <numerusform>Delete the %n selected tag from SWR, after a confirmation.</numerusform>
            <numerusform>Delete the %n selected tags from SWR, after a confirmation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Deleted %1 of %n tag(s)…</source>
        <translation>
            <numerusform>Deleted %1 of %n tag…</numerusform>
            <numerusform>Deleted %1 of %n tags…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>Deleted %n tag(s), %1 freed.</source>
        <translation>
            <numerusform>Deleted %n tag, %1 freed.</numerusform>
            <numerusform>Deleted %n tags, %1 freed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already gone.</source>
        <translation>
            <numerusform>%n already gone.</numerusform>
            <numerusform>%n already gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not deleted.</source>
        <translation>
            <numerusform>%n not deleted.</numerusform>
            <numerusform>%n not deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::UsageListing</name>
    <message numerus="yes">
        <location filename="../models/api/UsageListing.cpp" line="+210"/>
        <source>%Ln entries of the %1 could not be read: %2</source>
        <translation>
            <numerusform>%Ln entry of the %1 could not be read: %2</numerusform>
            <numerusform>%Ln entries of the %1 could not be read: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::app::DemoServer</name>
    <message numerus="yes">
        <location filename="../app/DemoServer.cpp" line="+32"/>
        <source>The demo server did not start within %Ln seconds.</source>
        <translation>
            <numerusform>The demo server did not start within %Ln second.</numerusform>
            <numerusform>The demo server did not start within %Ln seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::app::SelfTest</name>
    <message numerus="yes">
        <location filename="../app/SelfTest.cpp" line="+57"/>
        <source>No answer within %Ln second(s).</source>
        <translation>
            <numerusform>No answer within %Ln second.</numerusform>
            <numerusform>No answer within %Ln seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
