<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>CornerLegend</name>
    <message>
        <source>Product group</source>
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
        <source>&amp;Blank worksheet (PDF, to fill in by hand)</source>
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
        <source>&amp;Paper:</source>
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
        <source>Customer &amp;columns:</source>
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
        <source>&amp;Close</source>
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
        <source>&amp;About KPM Desktop</source>
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
        <source>Cannot open %1</source>
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
        <source>Copy works on one rectangular block; select one block.</source>
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
        <source>The block has %1 rows and %2 columns; from the selected cell there is room for %3 rows and %4 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file open</source>
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
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
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
        <source>%1, %2: %3</source>
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
        <source>Group: %1</source>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate line(s) skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <source>Visit preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since</source>
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
        <source>Add customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete product group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add competitor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename competitor to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete competitor %1</source>
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
        <source>Add goal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit goal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete goal %1</source>
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
</TS>
