<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a file format update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 backups, newest first. Each was checked when it was made. Restoring one replaces the current content; the current state is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. KPM Desktop makes one after the first change of a session, then at most every 30 minutes while you edit, and before imports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the content of %1 with the backup from %2?

The current state is backed up first, so this can be undone from this list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellDetailsView</name>
    <message>
        <source>choose or type a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask again on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for no need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save cell details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm as still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was checked again and still holds: only the verified date changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check date reached: counts as a white spot again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: last verified too long ago, please confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell in the matrix to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangedSinceView</name>
    <message>
        <source>Changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1 edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed cells, %2 notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%n item(s) changed here and by a colleague. Until you decide, your version stays in the matrix.</source>
        <translation>
            <numerusform>%n item changed here and by a colleague. Until you decide, your version stays in the matrix.</numerusform>
            <numerusform>%n items changed here and by a colleague. Until you decide, your version stays in the matrix.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CornerLegend</name>
    <message>
        <source>Click to show product names and counts again (View › Compact Header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to collapse the header to one line (View › Compact Header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▸ Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▸ Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▾ Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per customer: white spots · coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message numerus="yes">
        <source>(%n site(s))</source>
        <translation>
            <numerusform>(%n site)</numerusform>
            <numerusform>(%n sites)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>KPM Desktop — Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every completed change is saved in the matrix file; an action that failed in the middle was not saved at all. You can keep working; if something looks wrong, close and reopen the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details were written to the log file:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the last action was not saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matrix file could not be written (%1). The last action was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory for the last action; it was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Excel workbook (matrix, figures, data sheet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF matrix sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current view (filters and order as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bla&amp;nk worksheet (PDF, to fill in by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustomer columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer-&amp;safe: leave out competitor names, revenues, potentials and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the matrix file itself; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Exported %1 customers × %2 products to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF written to %1 (pages: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the visit one-pager for %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the matrix as Excel workbook, PDF sheet or blank worksheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visit one-pager as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One page for the next visit of the current customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print previe&amp;w…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data continues on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data continues on %1 – %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print visi&amp;t one-pager…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit one-pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the visit one-pager…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No permission to write to %1. Choose another folder, for example your Documents folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full (%1). Free some space or choose another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 does not exist (any more). Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on a read-only drive. Choose a folder on a writable drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system reported: %2 (%1). Check the place and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActionsMixin</name>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Open it read-only to look at it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File is open on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is marked as open for editing by %2 on the computer %3 since %4.

If it is no longer open there (that computer crashed or was switched off), you can take over editing here. If it is still open there, changes made there can be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take over editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 before opening it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating %1 to the new file format (a backup is made first)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM matrix files (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM matrix files (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy cannot replace the open file itself. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a copy as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search customer, number, city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in customer name, number or city; case and umlauts are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the products of one group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by white spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by competitor cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers with white spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers with stale answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers with answers verified longer ago than the stale threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to look for white spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the products shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the selected products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers where this product has the chosen state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is competitor (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is need (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a white spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is ours (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is no need (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also show deactivated customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also show deactivated products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all customers and products again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ours first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last entered first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All ABC classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by the mark in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort customers by the mark in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only customers where “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All filters cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more product columns first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots in %1 selected products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 sites and customers (key accounts not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers by name, number or city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers with &amp;white spots</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>Getting started with KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;One row per customer, one column per product.&lt;/b&gt; Each cell says what you know about that customer and product. Empty cells are &lt;b&gt;white spots&lt;/b&gt;: nobody knows yet — that is what to ask on the next visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the marks mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark with the keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more cells and press &lt;b&gt;X&lt;/b&gt; or &lt;b&gt;1&lt;/b&gt; (buys from us), &lt;b&gt;W&lt;/b&gt;, &lt;b&gt;R&lt;/b&gt; or &lt;b&gt;2&lt;/b&gt; (competitor), &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt; or &lt;b&gt;3&lt;/b&gt; (need), &lt;b&gt;K&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;4&lt;/b&gt; (no need), &lt;b&gt;Del&lt;/b&gt; or &lt;b&gt;0&lt;/b&gt; (back to white spot). Every change is saved at once; &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the white spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the filter bar above the matrix, tick &lt;b&gt;Only customers with white spots&lt;/b&gt;, choose a product group, or sort customers by white spots. The status bar shows the coverage of what you see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a customer: the side panel lists the white spots, stale cells, competitor contracts up for renewal and open goals. Print it as a visit one-pager from the File menu and take it along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this guide at every start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does the customer want to achieve?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;lists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a matrix by pasting or typing customer and product lists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Customer list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales data (customer, product, revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing matrix sheet (letters or colours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM Desktop export (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file and what it contains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which column holds what. Suggestions come from the headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading… %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header in row %1; %2 rows in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read. Save it again as .xlsx or CSV and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product column: import each product &amp;group as one product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported (choose a field to import one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other columns are read as products; totals and remarks are listed in the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header in row %1; %2 is read row by row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another sheet on the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no product column. Choose one above, or tick the box to import each product group as one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (these rows or cells are skipped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save problems as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar names (tick to treat as the existing one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use ticked matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates (added as new customers; check they are different):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with the matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1 new; goals: %2 new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat as the existing one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problems.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells where your matrix and the file disagree. Nothing is overwritten unless you say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take imported for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts: wherever both the file and your matrix have a value, they agree. Nothing in your matrix is overwritten.

Click Import to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no. %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 — %2 undoes the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportMenu</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import customers, products, sales or an Excel matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (open value %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need(s)%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 competitor contract(s) ending, next on %2%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 white spot(s) in products most customers of segment %2 buy from us%3: %4 (%5 of %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of each mark among the cells of this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3); customers with it: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a segment to show these customers in the matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penetration bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One stacked bar per row: the share of each mark. Double-click a bar to show these customers in the matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penetration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitors and where they deliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract ends within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract ends within months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor contracts ending soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers to visit next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to go next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers · coverage %2 · white spots %3 · our revenue %4 · open potential %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show these customers in the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-alike: %1 of %2 similar customers buy %3 from us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar customers: same segment, most products with the same known mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2”: customers with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers of competitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export renewal radar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the customers shown before this click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since a snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix shows %1 customers: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is hidden by the current filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot “%1” taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the snapshot (e.g. “Before the Q1 review”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insi&amp;ghts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penetration, competitor and renewal radar, where to go next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a name on the current state, to compare with later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes Since a Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyAccountBox</name>
    <message>
        <source>Key account: figures over its sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought from us (cells)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of wallet (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of wallet (amount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites of the key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a site to go to its row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open goals of all sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open goals of all sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open goals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyAccountPicker</name>
    <message>
        <source>A customer cannot be its own key account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen key account is a site of another key account itself; choose its key account instead (one level only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is a key account with sites of its own and cannot be a site; remove its sites&apos; links first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has that name: pick the key account from the list, or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none – type to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a customer not in this file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyAccountTexts</name>
    <message numerus="yes">
        <source>%n key account(s) collapsed</source>
        <translation>
            <numerusform>%n key account collapsed</numerusform>
            <numerusform>%n key accounts collapsed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key account(s) expanded</source>
        <translation>
            <numerusform>%n key account expanded</numerusform>
            <numerusform>%n key accounts expanded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAccountVisitView</name>
    <message>
        <source>Sites and their questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is a key account: its marks belong to its %n site(s), so questions are asked and answered there. Double-click a site or a question (or press Enter) to open it.</source>
        <translation>
            <numerusform>%1 is a key account: its marks belong to its %n site, so questions are asked and answered there. Double-click a site or a question (or press Enter) to open it.</numerusform>
            <numerusform>%1 is a key account: its marks belong to its %n sites, so questions are asked and answered there. Double-click a site or a question (or press Enter) to open it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open question(s) at the sites</source>
        <translation>
            <numerusform>%n open question at the sites</numerusform>
            <numerusform>%n open questions at the sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAccounts</name>
    <message>
        <source>Marks belong to the sites: a key account&apos;s row shows their roll-up. Press + to expand it and mark a site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group Sites Under &amp;Key Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each key account as one row with its sites&apos; roll-up, its sites below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand All Key Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the sites of every key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse &amp;All Key Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every key account as one row (its sites still count)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiBox</name>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought from us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum of our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of wallet (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of wallet (amount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainActionsMixin</name>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new, empty matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a copy of the open file (every edit is already saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected marks as a block for Excel or Calc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a block of marks (X, W, B, K, empty) copied from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (keys: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller cells: more of a large matrix at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the matrix (F6 or Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewing only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots: %1 · Coverage: %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites and customers: %1 of %2 · Key accounts: %7 (counted by their sites) · Products: %3 of %4 · White spots: %5 · Coverage: %6 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers: %1 of %2 · Products: %3 of %4 · White spots: %5 · Coverage: %6 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 — KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo/redo failed; the file was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;KPM Desktop %1&lt;/b&gt;&lt;p&gt;Customer/product matrix for B2B field sales: see white spots, competitor occupancy and potential at a glance.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManageActions</name>
    <message>
        <source>&amp;Customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, rename, edit, deactivate or delete customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Products and groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, order, deactivate or delete products and product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompetitors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, rename or delete competitors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManageCompetitors</name>
    <message>
        <source>Competitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor cells (W) can name one of these competitors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A competitor named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? Competitor cells that name it stay competitor cells without a name. You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManageCustomers</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 250000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (inactive customers are hidden in the matrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Str&amp;eet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename customer “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ABC class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual re&amp;venue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount such as 250000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customer, number, city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” with its %2 marks, notes and goals? You can undo this (Edit → Undo). To keep the data, deactivate instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManageDialogs</name>
    <message>
        <source>The change could not be saved; the file is unchanged. Check the entry and try again. (Details: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManageProducts</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (inactive products are hidden in the matrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products and product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dele&amp;te group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename product “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products (in column order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the group “%1”? Its %2 products stay, without a group. You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” with its %2 marks? You can undo this (Edit → Undo). To keep the data, deactivate instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkingMixin</name>
    <message>
        <source>Selection too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cells are selected; mark at most %2 cells at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 cell marked %1 — %2 undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3 cells marked %1 — %2 undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy works on one rectangular block; select one block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy at most %1 cells at once; for more, use File › Export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 × %2 marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell to paste into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block is %1 × %2 (rows × columns); from the selected cell there is room for %3 × %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block has %1 cells; paste at most %2 at once. Split it, or use File › Import for a whole matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block covers a key account&apos;s row, which shows its sites&apos; roll-up. Paste onto the sites&apos; rows (expand the key account with +).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted %1 × %2 marks — %3 undoes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MasterDataForm</name>
    <message>
        <source>Master data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key account (Konzern) this customer is a site of; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save master data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>%1 (key account, roll-up of its sites) – %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict: mine %1 / theirs %2 — Team › Review Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Roll-up of %n site(s): %1</source>
        <translation>
            <numerusform>Roll-up of %n site: %1</numerusform>
            <numerusform>Roll-up of %n sites: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Marks belong to the sites: expand the key account to edit them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Key account with %n site(s); counts over its sites</source>
        <translation>
            <numerusform>Key account with %n site; counts over its site</numerusform>
            <numerusform>Key account with %n sites; counts over its sites</numerusform>
        </translation>
    </message>
    <message>
        <source>Site of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 white spots, coverage %2 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Customer/product matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are customers, columns products. Arrow keys move; X, W, B, K set a mark, Delete makes a white spot; Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products with their counts per mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers with white spots and coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend of the marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matrix file is open: use File › Open… or File › New….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matrix has no customers or products yet: add them first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeController</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeMenu</name>
    <message>
        <source>&amp;Merge a Colleague&apos;s File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring a colleague&apos;s copy of this matrix into yours: what is new or changed there is taken over, what both changed is listed for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM matrix files (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the open file itself; choose the colleague&apos;s copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 with your file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is merged into your file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you and your colleague changed the same thing, your version stays until you decide (Team › Review Conflicts…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit › Undo takes back the whole merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewMatrixDialog</name>
    <message>
        <source>New matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory.kpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name of the new matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Territory North, key accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Products, solutions, services&lt;/b&gt; — one per line; &lt;i&gt;Group&lt;/i&gt; ⇥ &lt;i&gt;Product&lt;/i&gt; to group them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Customers&lt;/b&gt; — one per line; &lt;i&gt;Customer no.&lt;/i&gt; ⇥ &lt;i&gt;Name&lt;/i&gt; ⇥ &lt;i&gt;City&lt;/i&gt; also works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drives	Servo motors
Drives	Gear motors
Service	Maintenance contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100481	Hartmann GmbH	Hamburg
Müller Maschinenbau AG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and &amp;import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM matrix (*.kpm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation>
            <numerusform> in %n group</numerusform>
            <numerusform> in %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate line(s) skipped</source>
        <translation>
            <numerusform>%n duplicate line skipped</numerusform>
            <numerusform>%n duplicate lines skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Please choose a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name: existing files are never overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Search notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said or agreed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First page (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last page (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Up/Down: turn pages · Home/End: first/last page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <source>No-need reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One reason per line:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Recent changes may be missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is space again: all changes are merged into the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the file, its folder or its drive cannot be written. You can look at everything; to edit, save a copy in a writable folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: opened for viewing; changes are not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is in a %1 folder. Syncing can copy it in the middle of a change or create conflicting copies; keep matrix files in a local folder (backups protect them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is on a network share (%1). A dropped connection can damage it; copy it to a local folder to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous state was backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

No good backup of it was found. The file stays open read-only; keep it for a rescue attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The file was not changed. No good backup of it was found; keep the file for a rescue attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers, %2 products, %3 marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The newest good backup is from %2 and holds %3.

Restore it? Changes made since that backup are only in the kept copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The file was not changed. The newest good backup is from %2 and holds %3.

Restore it? The damaged file is kept beside it as “%4.damaged-DATE”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup from %1; the damaged file is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the backups of this file and restore one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a verified backup of this file now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when KPM Desktop is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale after months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells not verified for longer are drawn faded and listed for the next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells are &amp;stale after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;paper size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;orientation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start exports in customer-safe mode (no competitors, amounts or notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups are taken automatically while you edit and before imports and restores. Older ones are thinned out: all from the last hours, then one per day, per week and per month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;all from the last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then one per &amp;day for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then one per &amp;week for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then one per &amp;month for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons for “no need” (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons for no need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;competitors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit products and product &amp;groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists of this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search actions and keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>white spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ours (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competitor (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no need (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer master data and figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer panel sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanelDock</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanelExtension</name>
    <message>
        <source>Change not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer panel holds an amount that is not a number (%1); it cannot be saved. Close anyway and drop it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visit preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to ask and do at the current customer&apos;s next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm as still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected answers were checked again: only their verified date changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnapshotDiff</name>
    <message>
        <source>Unchanged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers shown in the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen start snapshot (only its name; no data is lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cells changed at %3 customers (%4 edits in the period). %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the snapshot “%1”? The marks and their history stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since a snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) left your territory and were removed from this file.</source>
        <translation>
            <numerusform>%n customer left your territory and was removed from this file.</numerusform>
            <numerusform>%n customers left your territory and were removed from this file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review (Team › Review Conflicts).</source>
        <translation>
            <numerusform>%n conflict to review (Team › Review Conflicts).</numerusform>
            <numerusform>%n conflicts to review (Team › Review Conflicts).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamDialogs</name>
    <message>
        <source>Join a Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;matrix file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your local copy holds the customers of your territory. The password goes to the system&apos;s password store (or leave it empty to use your .pgpass file); it is never stored in the matrix file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the team server&apos;s address (your manager has it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to keep your copy of the team matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPM matrix files (*.kpm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up a Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the team schema in an empty PostgreSQL database (or upgrades it) and uploads %1 as the team matrix. You need the database owner&apos;s login; the password comes from your .pgpass file or the system&apos;s password store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Team Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep (own territory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager (everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Nord, Ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owners:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ours (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>white spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;All Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take All T&amp;heirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(your role may not change this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(left your territory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep a local copy (no longer synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove from this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamFields</name>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamHistory</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>Te&amp;am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Up a Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Team Member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled; your changes stay here and are sent next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the team matrix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is now the team matrix on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team member added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can join now. Initial password (shown once; pass it on privately): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the team member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the team members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripActions</name>
    <message>
        <source>Trip “%1” planned — %2 undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip “%1” changed — %2 undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trip to debrief yet: plan one under Visits › Plan trip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another export is still running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the trip pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the calendar file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripDebriefDialog</name>
    <message>
        <source>Debrief trip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed on the trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is open read-only: answers cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 of %2: %3 (%4), %5 at %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: confirmed as still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1 %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) changed</source>
        <translation>
            <numerusform>%n answer changed</numerusform>
            <numerusform>%n answers changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed as still true</source>
        <translation>
            <numerusform>%n confirmed as still true</numerusform>
            <numerusform>%n confirmed as still true</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at %n customer(s).</source>
        <translation>
            <numerusform>at %n customer.</numerusform>
            <numerusform>at %n customers.</numerusform>
        </translation>
    </message>
    <message>
        <source>The same mark changes for the whole file: kpm diff &quot;%1&quot; --since %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripPlanner</name>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripPlannerDialog</name>
    <message>
        <source>Plan trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit trip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration of a visit added from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Travel between visits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minutes per visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, number or city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add the %n customer(s) selected in the matrix</source>
        <translation>
            <numerusform>Add the %n customer selected in the matrix</numerusform>
            <numerusform>Add the %n customers selected in the matrix</numerusform>
        </translation>
    </message>
    <message>
        <source>How many customers to add from the ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from &quot;&amp;Where to go next&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add all customers of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits (drag to reorder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits of the trip in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order by &amp;postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A simple proximity: nearby places have similar postcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A trip has at most %1 visits; %n customer(s) were not added.</source>
        <translation>
            <numerusform>A trip has at most %1 visits; %n customer was not added.</numerusform>
            <numerusform>A trip has at most %1 visits; %n customers were not added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), back by %1</source>
        <translation>
            <numerusform>%n visit, back by %1</numerusform>
            <numerusform>%n visits, back by %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits yet: add customers on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trip needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another trip is called %1; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trip was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripsMenu</name>
    <message>
        <source>Trip pack %1 written to %2 (pages: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file %1 written (events: %2); importing it again updates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;isits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan trip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A day&apos;s visits: customers, order, times; printed pack and calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trips of this file: edit, delete, print, calendar, debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Debrief trip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go through a trip&apos;s customers and capture the answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripsWindow</name>
    <message>
        <source>Trips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trips yet: plan one with New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip &amp;pack (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calendar file (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;brief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip “%1” deleted — %2 undoes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewLayout</name>
    <message>
        <source>Compact &amp;Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse the product names and counts to one line: more customer rows on a small screen</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>VisitPrepView</name>
    <message>
        <source>Visit preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K no need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the selected item&apos;s mark to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm as still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick note about this visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 open questions (as of %3, stale after %4 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White spots: ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale answers: confirm or correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, verified %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor contracts ending within 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, ends %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competitor not named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs without a goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(potential %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>kpm {command}: warning: {file} is marked as open for editing by {user} on the computer {host} since {since} UTC; --force-unlock takes over: if it is still open there, changes made there can be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --since DATE or --snapshot NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use either dates (--since/--until) or snapshots, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--until needs --since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--until {until} lies before --since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--{option} writes {what}, so the output name must end in {suffix} ({name} does not); nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder {folder} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is the matrix file itself; choose another output name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--visit and --blank write PDF: use --pdf OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fill must be between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--customers and --products must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; not found (columns: {columns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--map {spec}: use FIELD=COLUMN with FIELD one of {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--accept {spec}: give source row numbers, e.g. --accept 5 or --accept 5,9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--accept: no suggestion for row {rows} (rows with suggestions: {with_suggestions})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column for the {fields}; choose one with {maps} (columns: {columns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--months and --top must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MINE and THEIRS are the same file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the label must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a time (HH:MM): &apos;{text}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trip reuses a stored trip as it is: leave out {option}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trip needs the name of a stored trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --customers NUM[,NUM…] and --date YYYY-MM-DD (or --trip NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--customers has an empty entry: &apos;{customers}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trip has at most {most} customers (got {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer {number} is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--minutes must be {low} to {high} (got {minutes})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same customer is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trip named &apos;{name}&apos; exists already; use --trip &apos;{name}&apos; to reuse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pdf and --ics name the same file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no trip named &apos;{name}&apos; in {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trip &apos;{name}&apos; is saved in {file}, but an output file could not be written ({problem}); check the folder and try again with --trip &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an output file could not be written ({problem}); check the folder and try again with --trip &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission for {path} (is it open in another program?); choose another folder or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full ({path}); free some space and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was not found (or its folder does not exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is on a read-only drive; choose a writable folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a part of the path is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name {path} is too long; choose a shorter name or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be used (system error {code}); check it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file cannot be used (system error {code}); check it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kpm {command}: error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kpm {command}: interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): &apos;{text}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a date or date-time: &apos;{text}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already (use --overwrite to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>The clipboard holds no marks to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was pasted: row %1, column %2 holds &quot;%3&quot;, which is not a mark (use X, W, B, K or an empty cell).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>white spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark cell as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 cells as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add customer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add competitor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename competitor to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete competitor “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make “%1” a site of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take “%1” out of its key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>customer_commands</name>
    <message>
        <source>makes in-house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long-term contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add goal “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit goal “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete goal “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set stale threshold to %1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit no-need reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cell details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm cell as still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm %1 cells as still true</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>&apos;{name}&apos; matches {count} customers; add the customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; matches {count} products; add the product number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; names itself as its parent customer; link not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{parent}&apos; is a site of another key account itself (one level only); &apos;{name}&apos; not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a mark (use X, W, B, K or Wettbewerb, Bedarf, kein Bedarf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel files cannot be read safely on this installation (defusedxml is not active); import a CSV file instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-need reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recheck date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; for &apos;{field}&apos; does not exist (columns: {columns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column has marks but no product name in the header; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer number {number} is not in the matrix; import customers first or add a column with the customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer {id} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers: {new_customers} new, {updated_customers} updated, {unchanged_customers} unchanged; products: {new_products} new, {updated_products} updated, {unchanged_products} unchanged; cells: {cells} to write, {unchanged_cells} unchanged; conflicts: {conflicts}; problems: {problems}; possible duplicates: {duplicates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill colour {colour} has no meaning here (red = competitor, green = need, gray = no need)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formula not imported ({text}); replace formulas by their values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import cancelled; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked {mine} in the matrix, the import says {theirs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column for &apos;{field}&apos; (columns: {columns}); choose one in the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer with number or name {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no header row found in the first {rows} rows of {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product group named {name} (groups: {groups})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number {mine} in the matrix, the import says {theirs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent customer &apos;{text}&apos; is neither in the matrix nor in this file; link not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity 0: not counted as a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read sheet &apos;{sheet}&apos;: the active sheet &apos;{active}&apos; is a chart (sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read sheet &apos;{sheet}&apos;: the active sheet &apos;{active}&apos; is empty (sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revenue for a cell marked {mark} is not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row has {count} cells but the header has {expected}; extra cells ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row}: &apos;{name}&apos; (number {number}) would be a new customer, but &apos;{existing}&apos; (number {existing_number}) has the same name; check that they are different companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} both have customer number {number}, so they are the same customer; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} both have product number {number}, so they are the same product; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} both name &apos;{name}&apos; (the same name once case, umlauts and legal forms are ignored) without different numbers; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} both name the product &apos;{name}&apos; (the same name once case and umlauts are ignored) without different numbers; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} carry the same customer ID {uuid}; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows {first} and {this} carry the same product ID {uuid}; row {this} ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same {what} as row {first}; row ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says {mark} but row {first} says {other} for the same cell; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text longer than {limit} characters ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matrix changed since the preview was computed; compute the preview again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matrix sheet does not fit on the paper: show fewer customer columns, or choose landscape or A3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>totals row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trip &apos;{name}&apos; not imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown customer attribute {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown import kind &apos;{kind}&apos; (use {kinds})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} customers match {ref}: {names} and {more} more; use the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} customers match {ref}: {names}; use the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fields} differ between the matrix and the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} contains XML entity or DTD declarations, which a workbook never needs; refused for safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} contains binary data, not text, so it is not a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} contains no data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has more than {limit} columns; this is not a customer or product table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has more than {limit} rows; split it or filter it before importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has no &apos;{sheets}&apos; sheet with the columns of a KPM export (needed: {needed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has no sheet named &apos;{sheet}&apos; (sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} holds {size_mb} MB of sheet data, more than the {limit_mb} MB an import reads; export or import fewer customers or products at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is a Strict Open XML workbook, whose colours cannot be read: save it as &quot;Excel Workbook (.xlsx)&quot;, or use letters (X, W, B, K) in the cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is an old Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice, save it as .xlsx or CSV and import that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or not a valid Excel workbook; open it in Excel or LibreOffice, save it again and import that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is larger than {limit_mb} MB; split it or export fewer columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel file (it looks like {what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: &apos;{sheet}&apos; is full and &apos;{next}&apos; follows it, but the workbook does not say whether the data continues there (its list of data sheets is missing); nothing was imported. If &apos;{next}&apos; is a copy, rename it; else export the matrix again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; has no values (it is empty or holds only error values such as #REF!); choose another sheet (sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; is a chart, not a table; choose another sheet (sheets: {sheets})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; is named as a continuation of &apos;{first}&apos; but has other columns; nothing was imported. Rename that sheet, or give it the header of &apos;{first}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the data of &apos;{first}&apos; continues on {sheets}, but &apos;{missing}&apos; is missing; nothing was imported. Import the workbook as it was exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the document property &apos;{name}&apos;, which lists the sheets the data is on, cannot be read; nothing was imported. Import the workbook as it was exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the exported data is on the sheets {sheets}, and &apos;{sheet}&apos; is not the first of them (was &apos;{first}&apos; renamed?); nothing was imported. Import &apos;{first}&apos;, or give the sheet its exported name again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is password-protected; remove the password in Excel and import it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has sites of its own and cannot be a site (one level only); link not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a key account with sites in this file: its marks are the sites&apos; roll-up and are not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} mixes text encodings (line {utf8_line} is UTF-8, line {other_line} is not); save it again as UTF-8 and import that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} would expand to more than {limit_mb} MB (a damaged or malicious workbook); refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, row {row}: a cell is larger than {limit} characters; this is not a table export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, row {row}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: colours can only be read from .xlsx: save it as .xlsx, or use letters (X, W, B, K) in the cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: file not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>palette</name>
    <message>
        <source>White spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody knows yet: ask on the next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer buys this from us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer buys this from a competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer needs this (opportunity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has no need</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>cannot back up {file}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the backup folder {folder}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot restore into {file}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the backup of {file}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backup &apos;{choice}&apos; of {file} (see kpm backup --list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no snapshot {ref} in {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recent changes to {file} may be missing: its change log was damaged (after a crash?) and the saved changes after the damage cannot be read (transactions lost: {lost}). The damaged log is kept as {kept}; the newest automatic backup is from {backup} (File &gt; Backups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup of {file} failed its integrity check ({problem}); older backups were kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup {name} cannot be restored: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup {path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk holding {file} is full: the change was not saved (nothing else was changed); free some space and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk holding {file} is full: your changes are saved in its change log ({wal}) but cannot be merged into the file yet; free some space (KPM Desktop retries by itself) and do not delete {wal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no backups of {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be changed: its disk is full; free some space first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be changed: no permission to write in {folder}; copy it to a writable folder first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be locked for editing ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be opened: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has changes in {wal} that cannot be read in a read-only folder; copy both files to a writable folder to open them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has changes in {wal} that cannot be read while its disk is full; free some space and open it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is already open for editing by {who}; close it there, or open it read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is already open for editing in another KPM Desktop; close it there, or open it read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged ({problem}); it is open read-only so that nothing more is written to it. The file as it was, with every change made so far, is kept as {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is in a read-only folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is incomplete: its change log ({wal}) is missing, so the latest changes are not in the file (was it copied while open?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is marked as open for editing by {user} on the computer {host} since {since} UTC. If it is no longer open there (that computer crashed or was switched off), editing can be taken over (the app asks; kpm: --force-unlock); if it is still open there, changes made there can be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a KPM matrix file (an SQLite file of another application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a KPM matrix file (not an SQLite database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is on a read-only drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is on a read-only drive: nothing can be changed there; copy it to a writable folder first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is opened read-only: its disk is full ({free_kb} KB free), so no change could be saved; free some space and open it again to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is read-only (file permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} uses an older file format and must be opened for writing once to update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was written by a newer KPM Desktop (file format {version}, this version reads up to {supported}); please update KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: cannot back up in the middle of a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the change log was merged into the file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>structure_commands</name>
    <message>
        <source>Reorder product groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate customer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate customer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate product “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate product “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>--resolve {spec}: use ID=mine, ID=theirs, all=mine or all=theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rep needs a territory: give at least one --region or --owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a secure (TLS) connection to {where} could not be verified; check the server certificate and sslrootcert (your local changes are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict {id}: your role may not change this {kind}; only &apos;theirs&apos; settles it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a manager can publish the team matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up the team server stopped at its first step (team format 1): the server refused one of its statements (SQL error {code}); nothing was created; ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up the team server stopped at its last step, the team&apos;s access rights: the server refused one of its statements (SQL error {code}); that step was undone (the server is at team format {version}); ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up the team server stopped at the step to team format {version}: the server refused one of its statements (SQL error {code}); that step was undone and the server stays at team format {before}; ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the team server {server} broke off; nothing is lost, sync again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team address is not a PostgreSQL connection URL (e.g. postgresql://server/team?sslmode=verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server needs an upgrade; the manager runs &apos;kpm team init&apos; once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server was set up by a newer KPM Desktop (team format {version}, this version knows up to {supported}); it was not changed, please update KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server was set up by a newer KPM Desktop (team format {version}, this version knows up to {supported}); please update KPM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached; work on offline, KPM Desktop syncs again later (your local changes are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} does not allow this for your role; ask your manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} refused one of its statements (SQL error {code}); it was undone on the server; ask the database administrator to look at the server log for {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} refused the user name or password, or the login has expired; check them or ask your manager to renew the login (your local changes are kept and sync again later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} refused to hand out the team&apos;s changes (SQL error {code}); nothing was changed in your file and your changes wait for the next sync; ask the database administrator to look at the server log for {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} refused to list the team&apos;s users (SQL error {code}); nothing was changed; ask the database administrator to look at the server log for {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} refused to store your changes (SQL error {code}); none of them was taken, nothing was changed in your file and they wait for the next sync; ask the database administrator to look at the server log for {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team server {server} undid the sync because another session changed the same data at the same time (SQL error {code}); nothing was changed in your file; sync again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no open conflict {id} (see &apos;kpm sync FILE --json&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no open conflict {id}; &apos;kpm merge {mine} {theirs} --json&apos; lists the open ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no team database at {where}; check the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database holds no team yet; the manager runs &apos;kpm team init&apos; first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this team already has a matrix; join it with &apos;kpm team clone&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role {role}; use rep, manager or viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you may not connect to the team at {where}; ask your manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your login on {where} has expired; ask your manager to renew it (your local changes are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be created there: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is already part of a team; use &apos;kpm sync&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not part of a team, so &apos;kpm sync&apos; cannot settle its conflicts; they come from a merge: &apos;kpm merge {file} THEIRS --resolve ID=mine|theirs&apos; settles them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not part of a team; join one with &apos;kpm team clone&apos; (or publish it with &apos;kpm team publish&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be a user name: use letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;@&apos; or &apos;-&apos; (at most 63 characters, starting with a letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} holds no team yet; the manager runs &apos;kpm team init&apos; first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of this team; ask your manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trip_commands</name>
    <message>
        <source>Plan trip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit trip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete trip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
