<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups of %1</source>
        <translation>Sicherungen von %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Vor einem Import</translation>
    </message>
    <message>
        <source>Before a file format update</source>
        <translation>Vor einer Aktualisierung des Dateiformats</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Before deleting</source>
        <translation>Vor dem Löschen</translation>
    </message>
    <message>
        <source>%1 backups, newest first. Each was checked when it was made. Restoring one replaces the current content; the current state is backed up first.</source>
        <translation>%1 Sicherungen, neueste zuerst. Jede wurde beim Anlegen geprüft. Wiederherstellen ersetzt den aktuellen Inhalt; der aktuelle Stand wird vorher gesichert.</translation>
    </message>
    <message>
        <source>No backups yet. KPM Desktop makes one after the first change of a session, then at most every 30 minutes while you edit, and before imports.</source>
        <translation>Noch keine Sicherungen. KPM Desktop legt eine nach der ersten Änderung einer Sitzung an, danach höchstens alle 30 Minuten während der Bearbeitung und vor Importen.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the content of %1 with the backup from %2?

The current state is backed up first, so this can be undone from this list.</source>
        <translation>Den Inhalt von %1 durch die Sicherung vom %2 ersetzen?

Der aktuelle Stand wird vorher gesichert und lässt sich aus dieser Liste zurückholen.</translation>
    </message>
</context>
<context>
    <name>CellDetailsView</name>
    <message>
        <source>choose or type a new name</source>
        <translation>auswählen oder neuen Namen eingeben</translation>
    </message>
    <message>
        <source>known</source>
        <translation>bekannt</translation>
    </message>
    <message>
        <source>Edit list…</source>
        <translation>Liste bearbeiten…</translation>
    </message>
    <message>
        <source>ask again on</source>
        <translation>nachfragen am</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation>Unser Umsatz</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potenzial</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Reason for no need</source>
        <translation>Grund für kein Bedarf</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Cell note</source>
        <translation>Zellnotiz</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Zuletzt bestätigt</translation>
    </message>
    <message>
        <source>Save cell details</source>
        <translation>Zelldetails speichern</translation>
    </message>
    <message>
        <source>Confirm as still true</source>
        <translation>Als weiterhin gültig bestätigen</translation>
    </message>
    <message>
        <source>The answer was checked again and still holds: only the verified date changes.</source>
        <translation>Die Angabe wurde erneut geprüft und stimmt noch: Nur das Bestätigungsdatum ändert sich.</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>Re-check date reached: counts as a white spot again.</source>
        <translation>Wiedervorlage erreicht: zählt wieder als weißer Fleck.</translation>
    </message>
    <message>
        <source>Stale: last verified too long ago, please confirm.</source>
        <translation>Veraltet: zu lange nicht bestätigt, bitte bestätigen.</translation>
    </message>
    <message>
        <source>Select a cell in the matrix to see its details.</source>
        <translation>Wählen Sie eine Zelle in der Matrix, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>ChangedSinceView</name>
    <message>
        <source>Changed since</source>
        <translation>Geändert seit</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>(deleted product)</source>
        <translation>(gelöschtes Produkt)</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>after %1 edits</source>
        <translation>nach %1 Änderungen</translation>
    </message>
    <message>
        <source>Note of %1: %2</source>
        <translation>Notiz vom %1: %2</translation>
    </message>
    <message>
        <source>%1 changed cells, %2 notes</source>
        <translation>%1 geänderte Zellen, %2 Notizen</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%n item(s) changed here and by a colleague. Until you decide, your version stays in the matrix.</source>
        <translation>
            <numerusform>%n Eintrag wurde hier und von Kollegen geändert. Bis Sie entscheiden, bleibt Ihre Version in der Matrix.</numerusform>
            <numerusform>%n Einträge wurden hier und von Kollegen geändert. Bis Sie entscheiden, bleibt Ihre Version in der Matrix.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CornerLegend</name>
    <message>
        <source>Click to show product names and counts again (View › Compact Header)</source>
        <translation>Klicken, um Produktnamen und Anzahlen wieder zu zeigen (Ansicht › Kompakter Kopfbereich)</translation>
    </message>
    <message>
        <source>Click to collapse the header to one line (View › Compact Header)</source>
        <translation>Klicken, um den Kopfbereich auf eine Zeile zu verkleinern (Ansicht › Kompakter Kopfbereich)</translation>
    </message>
    <message>
        <source>▸ Product: %1</source>
        <translation>▸ Produkt: %1</translation>
    </message>
    <message>
        <source>▸ Products</source>
        <translation>▸ Produkte</translation>
    </message>
    <message>
        <source>▾ Product group</source>
        <translation>▾ Produktgruppe</translation>
    </message>
    <message>
        <source>Per customer: white spots · coverage</source>
        <translation>Je Kunde: weiße Flecken · Abdeckung</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message numerus="yes">
        <source>(%n site(s))</source>
        <translation>
            <numerusform>(%n Standort)</numerusform>
            <numerusform>(%n Standorte)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>KPM Desktop — Error</source>
        <translation>KPM Desktop — Fehler</translation>
    </message>
    <message>
        <source>Every completed change is saved in the matrix file; an action that failed in the middle was not saved at all. You can keep working; if something looks wrong, close and reopen the file.</source>
        <translation>Jede abgeschlossene Änderung ist in der Matrixdatei gespeichert; eine mittendrin fehlgeschlagene Aktion wurde gar nicht gespeichert. Sie können weiterarbeiten; wenn etwas falsch aussieht, schließen Sie die Datei und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Details were written to the log file:
%1</source>
        <translation>Details stehen in der Protokolldatei:
%1</translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation>Es konnte keine Protokolldatei geschrieben werden.</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>&amp;Details ausblenden</translation>
    </message>
    <message>
        <source>The disk is full: the last action was not saved. Free some space and try again.</source>
        <translation>Der Datenträger ist voll: Die letzte Aktion wurde nicht gespeichert. Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The matrix file could not be written (%1). The last action was not saved.</source>
        <translation>Die Matrixdatei konnte nicht geschrieben werden (%1). Die letzte Aktion wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not enough memory for the last action; it was not applied.</source>
        <translation>Nicht genug Arbeitsspeicher für die letzte Aktion; sie wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Excel workbook (matrix, figures, data sheet)</source>
        <translation>&amp;Excel-Arbeitsmappe (Matrix, Kennzahlen, Datenblatt)</translation>
    </message>
    <message>
        <source>&amp;PDF matrix sheet</source>
        <translation>&amp;PDF-Matrixblatt</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Whole matrix</source>
        <translation>&amp;Ganze Matrix</translation>
    </message>
    <message>
        <source>&amp;Current view (filters and order as shown)</source>
        <translation>&amp;Aktuelle Ansicht (Filter und Reihenfolge wie angezeigt)</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Umfang:</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>Aus&amp;richtung:</translation>
    </message>
    <message>
        <source>Sheet &amp;language:</source>
        <translation>Sprac&amp;he des Blatts:</translation>
    </message>
    <message>
        <source>Bla&amp;nk worksheet (PDF, to fill in by hand)</source>
        <translation>&amp;Leeres Arbeitsblatt (PDF, zum Ausfüllen von Hand)</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Papier&amp;format:</translation>
    </message>
    <message>
        <source>C&amp;ustomer columns:</source>
        <translation>Kunden&amp;spalten:</translation>
    </message>
    <message>
        <source>Customer-&amp;safe: leave out competitor names, revenues, potentials and notes</source>
        <translation>&amp;Kundenansicht: ohne Wettbewerber, Umsätze, Potenziale und Notizen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Wählen Sie, wo der Export gespeichert wird.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 ist ein Ordner; ergänzen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>That is the matrix file itself; choose another name.</source>
        <translation>Das ist die Matrixdatei selbst; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Exported %1 customers × %2 products to %3.</source>
        <translation>%1 Kunden × %2 Produkte nach %3 exportiert.</translation>
    </message>
    <message>
        <source>PDF written to %1 (pages: %2).</source>
        <translation>PDF nach %1 geschrieben (Seiten: %2).</translation>
    </message>
    <message>
        <source>Wrote the visit one-pager for %1 to %2.</source>
        <translation>Besuchsblatt für %1 nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write the matrix as Excel workbook, PDF sheet or blank worksheet</source>
        <translation>Matrix als Excel-Arbeitsmappe, PDF-Blatt oder leeres Arbeitsblatt schreiben</translation>
    </message>
    <message>
        <source>&amp;Visit one-pager as PDF…</source>
        <translation>Besuchsblatt als &amp;PDF…</translation>
    </message>
    <message>
        <source>One page for the next visit of the current customer</source>
        <translation>Eine Seite für den nächsten Besuch beim aktuellen Kunden</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print previe&amp;w…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <source>The data continues on %1.</source>
        <translation>Die Daten gehen auf %1 weiter.</translation>
    </message>
    <message>
        <source>The data continues on %1 – %2.</source>
        <translation>Die Daten gehen auf %1 – %2 weiter.</translation>
    </message>
    <message>
        <source>Print visi&amp;t one-pager…</source>
        <translation>Besuchsblatt d&amp;rucken…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Visit one-pager</source>
        <translation>Besuchsblatt</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the visit one-pager…</source>
        <translation>Besuchsblatt wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Printing the matrix…</source>
        <translation>Die Matrix wird gedruckt…</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>Seite %1 von %2 wird gedruckt…</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Drucken abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>No permission to write to %1. Choose another folder, for example your Documents folder.</source>
        <translation>Keine Schreibberechtigung für %1. Wählen Sie einen anderen Ordner, zum Beispiel Ihren Dokumente-Ordner.</translation>
    </message>
    <message>
        <source>The disk is full (%1). Free some space or choose another drive.</source>
        <translation>Der Datenträger ist voll (%1). Schaffen Sie Platz oder wählen Sie ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist (any more). Choose another folder.</source>
        <translation>Der Ordner von %1 existiert nicht (mehr). Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 is on a read-only drive. Choose a folder on a writable drive.</source>
        <translation>%1 liegt auf einem schreibgeschützten Laufwerk. Wählen Sie einen Ordner auf einem beschreibbaren Laufwerk.</translation>
    </message>
    <message>
        <source>The system reported: %2 (%1). Check the place and try again.</source>
        <translation>Das System meldet: %2 (%1). Prüfen Sie den Speicherort und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>FileActionsMixin</name>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>File is in use</source>
        <translation>Datei wird verwendet</translation>
    </message>
    <message>
        <source>%1

Open it read-only to look at it?</source>
        <translation>%1

Die Datei schreibgeschützt öffnen, um sie anzusehen?</translation>
    </message>
    <message>
        <source>File is open on another computer</source>
        <translation>Datei ist auf einem anderen Computer geöffnet</translation>
    </message>
    <message>
        <source>%1 is marked as open for editing by %2 on the computer %3 since %4.

If it is no longer open there (that computer crashed or was switched off), you can take over editing here. If it is still open there, changes made there can be lost.</source>
        <translation>%1 ist als zur Bearbeitung geöffnet markiert, von %2 auf dem Computer %3 seit %4.

Wenn die Datei dort nicht mehr geöffnet ist (der Computer ist abgestürzt oder wurde ausgeschaltet), können Sie die Bearbeitung hier übernehmen. Ist sie dort noch geöffnet, können dort gemachte Änderungen verloren gehen.</translation>
    </message>
    <message>
        <source>an unknown user</source>
        <translation>einem unbekannten Benutzer</translation>
    </message>
    <message>
        <source>&amp;Take over editing</source>
        <translation>Bearbeitung &amp;übernehmen</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Checking %1 before opening it…</source>
        <translation>%1 wird vor dem Öffnen geprüft…</translation>
    </message>
    <message>
        <source>Updating %1 to the new file format (a backup is made first)…</source>
        <translation>%1 wird auf das neue Dateiformat umgestellt (vorher wird eine Sicherung angelegt)…</translation>
    </message>
    <message>
        <source>Open matrix file</source>
        <translation>Matrixdatei öffnen</translation>
    </message>
    <message>
        <source>KPM matrix files (*%1);;All files (*)</source>
        <translation>KPM-Matrixdateien (*%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New matrix file</source>
        <translation>Neue Matrixdatei</translation>
    </message>
    <message>
        <source>KPM matrix files (*%1)</source>
        <translation>KPM-Matrixdateien (*%1)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The file exists already; choose another name.</source>
        <translation>Die Datei existiert schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Kopie speichern unter</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>Kopie kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>A copy cannot replace the open file itself. Choose another name.</source>
        <translation>Eine Kopie kann die geöffnete Datei nicht ersetzen. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Saving a copy as %1…</source>
        <translation>Kopie wird als %1 gespeichert…</translation>
    </message>
    <message>
        <source>Copy saved as %1</source>
        <translation>Kopie gespeichert als %1</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search customer, number, city…</source>
        <translation>Kunde, Nummer, Ort suchen…</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Words in customer name, number or city; case and umlauts are ignored</source>
        <translation>Wörter in Kundenname, Nummer oder Ort; Groß-/Kleinschreibung und Umlaute egal</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Produktgruppe</translation>
    </message>
    <message>
        <source>Show only the products of one group</source>
        <translation>Nur die Produkte einer Gruppe zeigen</translation>
    </message>
    <message>
        <source>Sort customers</source>
        <translation>Kunden sortieren</translation>
    </message>
    <message>
        <source>Order of entry</source>
        <translation>Erfassungsreihenfolge</translation>
    </message>
    <message>
        <source>Sort by name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <source>Sort by white spots</source>
        <translation>Nach weißen Flecken</translation>
    </message>
    <message>
        <source>Sort by competitor cells</source>
        <translation>Nach Wettbewerb</translation>
    </message>
    <message>
        <source>Sort by needs</source>
        <translation>Nach Bedarf</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Sortierreihenfolge</translation>
    </message>
    <message>
        <source>Only customers with white spots</source>
        <translation>Nur Kunden mit weißen Flecken</translation>
    </message>
    <message>
        <source>Only customers with stale answers</source>
        <translation>Nur Kunden mit veralteten Angaben</translation>
    </message>
    <message>
        <source>Customers with answers verified longer ago than the stale threshold</source>
        <translation>Kunden mit Angaben, deren Bestätigung länger zurückliegt als die Veraltet-Schwelle</translation>
    </message>
    <message>
        <source>Where to look for white spots</source>
        <translation>Wo nach weißen Flecken gesucht wird</translation>
    </message>
    <message>
        <source>in the products shown</source>
        <translation>in den gezeigten Produkten</translation>
    </message>
    <message>
        <source>in the selected products</source>
        <translation>in den gewählten Produkten</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Customers where this product has the chosen state</source>
        <translation>Kunden, bei denen dieses Produkt den gewählten Stand hat</translation>
    </message>
    <message>
        <source>State of the product</source>
        <translation>Stand des Produkts</translation>
    </message>
    <message>
        <source>is competitor (W)</source>
        <translation>ist Wettbewerb (W)</translation>
    </message>
    <message>
        <source>is need (B)</source>
        <translation>ist Bedarf (B)</translation>
    </message>
    <message>
        <source>is a white spot</source>
        <translation>ist weißer Fleck</translation>
    </message>
    <message>
        <source>is ours (X)</source>
        <translation>kauft bei uns (X)</translation>
    </message>
    <message>
        <source>is no need (K)</source>
        <translation>ist kein Bedarf (K)</translation>
    </message>
    <message>
        <source>Inactive customers</source>
        <translation>Inaktive Kunden</translation>
    </message>
    <message>
        <source>Also show deactivated customers</source>
        <translation>Auch deaktivierte Kunden zeigen</translation>
    </message>
    <message>
        <source>Inactive products</source>
        <translation>Inaktive Produkte</translation>
    </message>
    <message>
        <source>Also show deactivated products</source>
        <translation>Auch deaktivierte Produkte zeigen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter aufheben</translation>
    </message>
    <message>
        <source>Show all customers and products again</source>
        <translation>Wieder alle Kunden und Produkte zeigen</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>Fewest first</source>
        <translation>Wenigste zuerst</translation>
    </message>
    <message>
        <source>Most first</source>
        <translation>Meiste zuerst</translation>
    </message>
    <message>
        <source>Ours first</source>
        <translation>Kauft bei uns zuerst</translation>
    </message>
    <message>
        <source>White spots first</source>
        <translation>Weiße Flecken zuerst</translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation>A bis Z</translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation>Z bis A</translation>
    </message>
    <message>
        <source>As entered</source>
        <translation>Wie erfasst</translation>
    </message>
    <message>
        <source>Last entered first</source>
        <translation>Zuletzt erfasste zuerst</translation>
    </message>
    <message>
        <source>Click for: %1</source>
        <translation>Klicken für: %1</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Alle Branchen</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle Regionen</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Alle Betreuer</translation>
    </message>
    <message>
        <source>All ABC classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>All product groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>Any product</source>
        <translation>Beliebiges Produkt</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(ohne Gruppe)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>Sort by the mark in “%1”</source>
        <translation>Nach Markierung in „%1“</translation>
    </message>
    <message>
        <source>Sort customers by the mark in “%1”</source>
        <translation>Kunden nach der Markierung in „%1“ sortieren</translation>
    </message>
    <message>
        <source>Show only customers where “%1”</source>
        <translation>Nur Kunden zeigen, bei denen „%1“</translation>
    </message>
    <message>
        <source>All filters cleared</source>
        <translation>Alle Filter aufgehoben</translation>
    </message>
    <message>
        <source>Select one or more product columns first</source>
        <translation>Wählen Sie zuerst eine oder mehrere Produktspalten</translation>
    </message>
    <message>
        <source>White spots in %1 selected products</source>
        <translation>Weiße Flecken in %1 gewählten Produkten</translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 sites and customers (key accounts not counted)</source>
        <translation>Gefiltert: %1 von %2 Standorten und Kunden (Konzerne nicht mitgezählt)</translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 customers</source>
        <translation>Gefiltert: %1 von %2 Kunden</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>Kein Kunde passt.</translation>
    </message>
    <message>
        <source>&amp;Find customer…</source>
        <translation>Kunden &amp;suchen…</translation>
    </message>
    <message>
        <source>Search customers by name, number or city</source>
        <translation>Kunden nach Name, Nummer oder Ort suchen</translation>
    </message>
    <message>
        <source>C&amp;lear all filters</source>
        <translation>Alle &amp;Filter aufheben</translation>
    </message>
    <message>
        <source>Only customers with &amp;white spots</source>
        <translation>Nur Kunden mit &amp;weißen Flecken</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>Getting started with KPM Desktop</source>
        <translation>Erste Schritte mit KPM Desktop</translation>
    </message>
    <message>
        <source>Getting started guide</source>
        <translation>Anleitung für die ersten Schritte</translation>
    </message>
    <message>
        <source>&lt;b&gt;One row per customer, one column per product.&lt;/b&gt; Each cell says what you know about that customer and product. Empty cells are &lt;b&gt;white spots&lt;/b&gt;: nobody knows yet — that is what to ask on the next visit.</source>
        <translation>&lt;b&gt;Eine Zeile je Kunde, eine Spalte je Produkt.&lt;/b&gt; Jede Zelle zeigt, was Sie über diesen Kunden und dieses Produkt wissen. Leere Zellen sind &lt;b&gt;weiße Flecken&lt;/b&gt;: Das weiß noch niemand – danach fragen Sie beim nächsten Besuch.</translation>
    </message>
    <message>
        <source>What the marks mean</source>
        <translation>Was die Markierungen bedeuten</translation>
    </message>
    <message>
        <source>Mark with the keyboard</source>
        <translation>Mit der Tastatur markieren</translation>
    </message>
    <message>
        <source>Select one or more cells and press &lt;b&gt;X&lt;/b&gt; or &lt;b&gt;1&lt;/b&gt; (buys from us), &lt;b&gt;W&lt;/b&gt;, &lt;b&gt;R&lt;/b&gt; or &lt;b&gt;2&lt;/b&gt; (competitor), &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt; or &lt;b&gt;3&lt;/b&gt; (need), &lt;b&gt;K&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;4&lt;/b&gt; (no need), &lt;b&gt;Del&lt;/b&gt; or &lt;b&gt;0&lt;/b&gt; (back to white spot). Every change is saved at once; &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes it.</source>
        <translation>Wählen Sie eine oder mehrere Zellen und drücken Sie &lt;b&gt;X&lt;/b&gt; oder &lt;b&gt;1&lt;/b&gt; (kauft bei uns), &lt;b&gt;W&lt;/b&gt;, &lt;b&gt;R&lt;/b&gt; oder &lt;b&gt;2&lt;/b&gt; (Wettbewerb), &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt; oder &lt;b&gt;3&lt;/b&gt; (Bedarf), &lt;b&gt;K&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt; oder &lt;b&gt;4&lt;/b&gt; (kein Bedarf), &lt;b&gt;Entf&lt;/b&gt; oder &lt;b&gt;0&lt;/b&gt; (zurück zum weißen Fleck). Jede Änderung wird sofort gespeichert; &lt;b&gt;Strg+Z&lt;/b&gt; macht sie rückgängig.</translation>
    </message>
    <message>
        <source>Find the white spots</source>
        <translation>Weiße Flecken finden</translation>
    </message>
    <message>
        <source>In the filter bar above the matrix, tick &lt;b&gt;Only customers with white spots&lt;/b&gt;, choose a product group, or sort customers by white spots. The status bar shows the coverage of what you see.</source>
        <translation>Haken Sie in der Filterleiste über der Matrix &lt;b&gt;Nur Kunden mit weißen Flecken&lt;/b&gt; an, wählen Sie eine Produktgruppe oder sortieren Sie die Kunden nach weißen Flecken. Die Statusleiste zeigt die Abdeckung des sichtbaren Ausschnitts.</translation>
    </message>
    <message>
        <source>Prepare a visit</source>
        <translation>Besuch vorbereiten</translation>
    </message>
    <message>
        <source>Click a customer: the side panel lists the white spots, stale cells, competitor contracts up for renewal and open goals. Print it as a visit one-pager from the File menu and take it along.</source>
        <translation>Klicken Sie auf einen Kunden: Der Kundenbereich listet weiße Flecken, veraltete Zellen, auslaufende Wettbewerbsverträge und offene Ziele. Drucken Sie ihn über das Menü „Datei“ als Besuchsblatt aus und nehmen Sie ihn mit.</translation>
    </message>
    <message>
        <source>Show this guide at every start</source>
        <translation>Diese Anleitung bei jedem Start zeigen</translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Ziel löschen</translation>
    </message>
    <message>
        <source>What does the customer want to achieve?</source>
        <translation>Was möchte der Kunde erreichen?</translation>
    </message>
    <message>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Linked products</source>
        <translation>Verknüpfte Produkte</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Save goal</source>
        <translation>Ziel speichern</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Ziel hinzufügen</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>New from &amp;lists…</source>
        <translation>Neu aus &amp;Listen…</translation>
    </message>
    <message>
        <source>Create a matrix by pasting or typing customer and product lists</source>
        <translation>Matrix aus eingefügten oder eingetippten Kunden- und Produktlisten anlegen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Customer list</source>
        <translation>Kundenliste</translation>
    </message>
    <message>
        <source>Product list</source>
        <translation>Produktliste</translation>
    </message>
    <message>
        <source>Sales data (customer, product, revenue)</source>
        <translation>Umsatzdaten (Kunde, Produkt, Umsatz)</translation>
    </message>
    <message>
        <source>Existing matrix sheet (letters or colours)</source>
        <translation>Vorhandene Matrixtabelle (Buchstaben oder Farben)</translation>
    </message>
    <message>
        <source>KPM Desktop export (XLSX)</source>
        <translation>KPM-Desktop-Export (XLSX)</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Quelldatei</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file and what it contains.</source>
        <translation>Wählen Sie eine CSV- oder Excel-Datei und was sie enthält.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Contents:</source>
        <translation>In&amp;halt:</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Tabellenblatt:</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Check which column holds what. Suggestions come from the headers.</source>
        <translation>Prüfen Sie, welche Spalte was enthält. Die Vorschläge stammen aus den Überschriften.</translation>
    </message>
    <message>
        <source>Reading… %1 rows</source>
        <translation>Wird gelesen… %1 Zeilen</translation>
    </message>
    <message>
        <source>Header in row %1; %2 rows in %3.</source>
        <translation>Überschriften in Zeile %1; %2 Zeilen in %3.</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— nicht importiert —</translation>
    </message>
    <message>
        <source>The file could not be read. Save it again as .xlsx or CSV and import that.</source>
        <translation>Die Datei kann nicht gelesen werden. Speichern Sie sie erneut als .xlsx oder CSV und importieren Sie diese.</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods);;All files (*)</source>
        <translation>Tabellen (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No product column: import each product &amp;group as one product</source>
        <translation>Keine Produktspalte: jede Produkt&amp;gruppe als ein Produkt importieren</translation>
    </message>
    <message>
        <source>Columns not imported (choose a field to import one):</source>
        <translation>Nicht importierte Spalten (wählen Sie ein Feld, um eine zu importieren):</translation>
    </message>
    <message>
        <source>Other columns are read as products; totals and remarks are listed in the preview.</source>
        <translation>Die übrigen Spalten werden als Produkte gelesen; Summen und Bemerkungen listet die Vorschau auf.</translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation>Alle Spalten werden importiert.</translation>
    </message>
    <message>
        <source>Header in row %1; %2 is read row by row.</source>
        <translation>Überschriften in Zeile %1; %2 wird Zeile für Zeile gelesen.</translation>
    </message>
    <message>
        <source>Choose another sheet on the first page.</source>
        <translation>Ein anderes Tabellenblatt wählen Sie auf der ersten Seite.</translation>
    </message>
    <message>
        <source>There is no product column. Choose one above, or tick the box to import each product group as one product.</source>
        <translation>Es gibt keine Produktspalte. Wählen Sie oben eine aus, oder setzen Sie das Häkchen, um jede Produktgruppe als ein Produkt zu importieren.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>Noch wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Column name</source>
        <translation>Spaltenname</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems (these rows or cells are skipped):</source>
        <translation>Probleme (diese Zeilen oder Zellen werden übersprungen):</translation>
    </message>
    <message>
        <source>&amp;Save problems as CSV…</source>
        <translation>Probleme als CSV &amp;speichern…</translation>
    </message>
    <message>
        <source>Similar names (tick to treat as the existing one):</source>
        <translation>Ähnliche Namen (abhaken, um sie als den vorhandenen zu behandeln):</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Existing</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Would change</source>
        <translation>Würde ändern</translation>
    </message>
    <message>
        <source>&amp;Use ticked matches</source>
        <translation>Abgehakte Treffer &amp;verwenden</translation>
    </message>
    <message>
        <source>Possible duplicates (added as new customers; check they are different):</source>
        <translation>Mögliche Dubletten (werden als neue Kunden angelegt; prüfen Sie, ob es verschiedene sind):</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Existing customer</source>
        <translation>Vorhandener Kunde</translation>
    </message>
    <message>
        <source>Comparing with the matrix…</source>
        <translation>Abgleich mit der Matrix…</translation>
    </message>
    <message>
        <source>Notes: %1 new; goals: %2 new</source>
        <translation>Notizen: %1 neu; Ziele: %2 neu</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Nicht importierte Spalten: %1</translation>
    </message>
    <message>
        <source>Treat as the existing one</source>
        <translation>Als den vorhandenen behandeln</translation>
    </message>
    <message>
        <source>Save problems</source>
        <translation>Probleme speichern</translation>
    </message>
    <message>
        <source>problems.csv</source>
        <translation>probleme.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Cells where your matrix and the file disagree. Nothing is overwritten unless you say so.</source>
        <translation>Zellen, in denen Ihre Matrix und die Datei voneinander abweichen. Nichts wird überschrieben, solange Sie es nicht wählen.</translation>
    </message>
    <message>
        <source>&amp;Keep mine for all</source>
        <translation>Überall &amp;meine behalten</translation>
    </message>
    <message>
        <source>&amp;Take imported for all</source>
        <translation>Überall Importiertes &amp;übernehmen</translation>
    </message>
    <message>
        <source>No conflicts: wherever both the file and your matrix have a value, they agree. Nothing in your matrix is overwritten.

Click Import to import.</source>
        <translation>Keine Konflikte: Wo die Datei und Ihre Matrix beide einen Wert haben, stimmen sie überein. Nichts in Ihrer Matrix wird überschrieben.

Klicken Sie auf „Importieren“, um zu importieren.</translation>
    </message>
    <message>
        <source>Take imported</source>
        <translation>Import übernehmen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>Nothing to decide.</source>
        <translation>Nichts zu entscheiden.</translation>
    </message>
    <message>
        <source>%1 (no. %2, %3)</source>
        <translation>%1 (Nr. %2, %3)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Imported %1 — %2 undoes the import</source>
        <translation>%1 importiert — %2 macht den Import rückgängig</translation>
    </message>
</context>
<context>
    <name>ImportMenu</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import customers, products, sales or an Excel matrix</source>
        <translation>Kunden, Produkte, Umsätze oder eine Excel-Matrix importieren</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Produktgruppe</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source> (open value %1)</source>
        <translation> (offener Wert %1)</translation>
    </message>
    <message>
        <source>%1 need(s)%2: %3</source>
        <translation>Bedarf bei %1%2: %3</translation>
    </message>
    <message>
        <source>%1 competitor contract(s) ending, next on %2%3: %4</source>
        <translation>Auslaufende Wettbewerbsverträge: %1, nächster am %2%3: %4</translation>
    </message>
    <message>
        <source>%1 white spot(s) in products most customers of segment %2 buy from us%3: %4 (%5 of %6)</source>
        <translation>Weiße Flecken: %1 bei Produkten, die die meisten Kunden der Branche %2 bei uns kaufen%3: %4 (%5 von %6)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Share of each mark among the cells of this row</source>
        <translation>Anteil jeder Markierung an den Zellen dieser Zeile</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Anteile</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>White spots</source>
        <translation>Weiße Flecken</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation>Unser Umsatz</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potenzial</translation>
    </message>
    <message>
        <source>%1: %2 (%3); customers with it: %4</source>
        <translation>%1: %2 (%3); Kunden damit: %4</translation>
    </message>
    <message>
        <source>Click a segment to show these customers in the matrix.</source>
        <translation>Klicken Sie auf einen Abschnitt, um diese Kunden in der Matrix zu zeigen.</translation>
    </message>
    <message>
        <source>Insights sections</source>
        <translation>Bereiche der Auswertungen</translation>
    </message>
    <message>
        <source>Bars by:</source>
        <translation>Balken nach:</translation>
    </message>
    <message>
        <source>Bars by</source>
        <translation>Balken nach</translation>
    </message>
    <message>
        <source>Penetration bars</source>
        <translation>Durchdringungsbalken</translation>
    </message>
    <message>
        <source>One stacked bar per row: the share of each mark. Double-click a bar to show these customers in the matrix.</source>
        <translation>Ein gestapelter Balken je Zeile: der Anteil jeder Markierung. Doppelklicken Sie auf einen Balken, um diese Kunden in der Matrix zu zeigen.</translation>
    </message>
    <message>
        <source>Penetration</source>
        <translation>Durchdringung</translation>
    </message>
    <message>
        <source>Competitors and where they deliver</source>
        <translation>Wettbewerber und wo sie liefern</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Contract ends within</source>
        <translation>Vertragsende innerhalb von</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monaten</translation>
    </message>
    <message>
        <source>Contract ends within months</source>
        <translation>Vertragsende innerhalb von Monaten</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Als XLSX exportieren…</translation>
    </message>
    <message>
        <source>Competitor contracts ending soon</source>
        <translation>Bald auslaufende Wettbewerbsverträge</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Resttage</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Vertragsenden</translation>
    </message>
    <message>
        <source>Customers to visit next</source>
        <translation>Als Nächstes zu besuchende Kunden</translation>
    </message>
    <message>
        <source>Open value</source>
        <translation>Offener Wert</translation>
    </message>
    <message>
        <source>Where to go next</source>
        <translation>Nächste Besuche</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>Keine Datei geöffnet</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Insights failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 customers · coverage %2 · white spots %3 · our revenue %4 · open potential %5</source>
        <translation>%1 Kunden · Abdeckung %2 · weiße Flecken %3 · unser Umsatz %4 · offenes Potenzial %5</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Click to show these customers in the matrix</source>
        <translation>Klicken, um diese Kunden in der Matrix zu zeigen</translation>
    </message>
    <message>
        <source>By product group</source>
        <translation>Nach Produktgruppe</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>Nach Region</translation>
    </message>
    <message>
        <source>Look-alike: %1 of %2 similar customers buy %3 from us</source>
        <translation>Ähnliche Kunden: %1 von %2 kaufen %3 bei uns</translation>
    </message>
    <message>
        <source>Similar customers: same segment, most products with the same known mark</source>
        <translation>Ähnliche Kunden: gleiche Branche, die meisten Produkte mit derselben bekannten Markierung</translation>
    </message>
    <message>
        <source>%1 “%2”: customers with %3</source>
        <translation>%1 „%2“: Kunden mit %3</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>customers of competitor %1</source>
        <translation>Kunden des Wettbewerbers %1</translation>
    </message>
    <message>
        <source>Export renewal radar</source>
        <translation>Vertragsende-Radar exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Show the customers shown before this click</source>
        <translation>Die Kunden von vor diesem Klick wieder zeigen</translation>
    </message>
    <message>
        <source>Changes since a snapshot…</source>
        <translation>Änderungen seit Momentaufnahme…</translation>
    </message>
    <message>
        <source>Matrix shows %1 customers: %2</source>
        <translation>Matrix zeigt %1 Kunden: %2</translation>
    </message>
    <message>
        <source>This customer is hidden by the current filter.</source>
        <translation>Dieser Kunde ist durch den aktuellen Filter ausgeblendet.</translation>
    </message>
    <message>
        <source>No snapshot was taken</source>
        <translation>Keine Momentaufnahme erstellt</translation>
    </message>
    <message>
        <source>Snapshot “%1” taken</source>
        <translation>Momentaufnahme „%1“ erstellt</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Momentaufnahme erstellen</translation>
    </message>
    <message>
        <source>Name of the snapshot (e.g. “Before the Q1 review”):</source>
        <translation>Name der Momentaufnahme (z. B. „Vor dem Q1-Gespräch“):</translation>
    </message>
    <message>
        <source>Insi&amp;ghts</source>
        <translation>&amp;Auswertungen</translation>
    </message>
    <message>
        <source>Penetration, competitor and renewal radar, where to go next</source>
        <translation>Durchdringung, Wettbewerb, Vertragsende-Radar, nächste Besuche</translation>
    </message>
    <message>
        <source>Take &amp;Snapshot…</source>
        <translation>&amp;Momentaufnahme erstellen…</translation>
    </message>
    <message>
        <source>Put a name on the current state, to compare with later</source>
        <translation>Den aktuellen Stand benennen, um später damit zu vergleichen</translation>
    </message>
    <message>
        <source>&amp;Changes Since a Snapshot…</source>
        <translation>Ä&amp;nderungen seit Momentaufnahme…</translation>
    </message>
</context>
<context>
    <name>KeyAccountBox</name>
    <message>
        <source>Key account: figures over its sites</source>
        <translation>Konzern: Kennzahlen über seine Standorte</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>White spots</source>
        <translation>Weiße Flecken</translation>
    </message>
    <message>
        <source>Bought from us (cells)</source>
        <translation>Kauft bei uns (Zellen)</translation>
    </message>
    <message>
        <source>Competitor cells</source>
        <translation>Wettbewerbszellen</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bedarfe</translation>
    </message>
    <message>
        <source>Sum of potential</source>
        <translation>Summe Potenzial</translation>
    </message>
    <message>
        <source>Sum of our revenue</source>
        <translation>Summe unser Umsatz</translation>
    </message>
    <message>
        <source>Share of wallet (count)</source>
        <translation>Lieferanteil (Anzahl)</translation>
    </message>
    <message>
        <source>Share of wallet (amount)</source>
        <translation>Lieferanteil (Betrag)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Sites of the key account</source>
        <translation>Standorte des Konzerns</translation>
    </message>
    <message>
        <source>Double-click a site to go to its row</source>
        <translation>Doppelklick auf einen Standort springt zu seiner Zeile</translation>
    </message>
    <message>
        <source>Open goals of all sites</source>
        <translation>Offene Ziele aller Standorte</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Standorte:</translation>
    </message>
    <message>
        <source>Open goals of all sites:</source>
        <translation>Offene Ziele aller Standorte:</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>No open goals</source>
        <translation>Keine offenen Ziele</translation>
    </message>
</context>
<context>
    <name>KeyAccountPicker</name>
    <message>
        <source>A customer cannot be its own key account.</source>
        <translation>Ein Kunde kann nicht sein eigener Konzern sein.</translation>
    </message>
    <message>
        <source>The chosen key account is a site of another key account itself; choose its key account instead (one level only).</source>
        <translation>Der gewählte Konzern ist selbst Standort eines anderen Konzerns; wählen Sie stattdessen dessen Konzern (nur eine Ebene).</translation>
    </message>
    <message>
        <source>This customer is a key account with sites of its own and cannot be a site; remove its sites&apos; links first.</source>
        <translation>Dieser Kunde ist ein Konzern mit eigenen Standorten und kann kein Standort sein; lösen Sie zuerst die Verknüpfungen seiner Standorte.</translation>
    </message>
    <message>
        <source>No customer has that name: pick the key account from the list, or leave the field empty.</source>
        <translation>Kein Kunde hat diesen Namen: Wählen Sie den Konzern aus der Liste oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>none – type to search</source>
        <translation>keiner – zum Suchen tippen</translation>
    </message>
    <message>
        <source>(a customer not in this file)</source>
        <translation>(ein Kunde, der nicht in dieser Datei ist)</translation>
    </message>
</context>
<context>
    <name>KeyAccountTexts</name>
    <message numerus="yes">
        <source>%n key account(s) collapsed</source>
        <translation>
            <numerusform>%n Konzern zugeklappt</numerusform>
            <numerusform>%n Konzerne zugeklappt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key account(s) expanded</source>
        <translation>
            <numerusform>%n Konzern aufgeklappt</numerusform>
            <numerusform>%n Konzerne aufgeklappt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAccountVisitView</name>
    <message>
        <source>Sites and their questions</source>
        <translation>Standorte und ihre Fragen</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a key account: its marks belong to its %n site(s), so questions are asked and answered there. Double-click a site or a question (or press Enter) to open it.</source>
        <translation>
            <numerusform>%1 ist ein Konzern: Die Markierungen gehören zu seinem %n Standort, dort werden die Fragen gestellt und beantwortet. Doppelklick auf einen Standort oder eine Frage (oder Eingabetaste) öffnet ihn.</numerusform>
            <numerusform>%1 ist ein Konzern: Die Markierungen gehören zu seinen %n Standorten, dort werden die Fragen gestellt und beantwortet. Doppelklick auf einen Standort oder eine Frage (oder Eingabetaste) öffnet ihn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open question(s) at the sites</source>
        <translation>
            <numerusform>%n offene Frage an den Standorten</numerusform>
            <numerusform>%n offene Fragen an den Standorten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAccounts</name>
    <message>
        <source>Marks belong to the sites: a key account&apos;s row shows their roll-up. Press + to expand it and mark a site.</source>
        <translation>Markierungen gehören zu den Standorten: Die Zeile eines Konzerns zeigt ihre Zusammenfassung. Mit + aufklappen und einen Standort markieren.</translation>
    </message>
    <message>
        <source>Group Sites Under &amp;Key Accounts</source>
        <translation>Standorte unter Konzernen g&amp;ruppieren</translation>
    </message>
    <message>
        <source>Show each key account as one row with its sites&apos; roll-up, its sites below it</source>
        <translation>Jeden Konzern als eine Zeile mit der Zusammenfassung seiner Standorte zeigen, die Standorte darunter</translation>
    </message>
    <message>
        <source>E&amp;xpand All Key Accounts</source>
        <translation>Alle Konzerne a&amp;ufklappen</translation>
    </message>
    <message>
        <source>Show the sites of every key account</source>
        <translation>Die Standorte aller Konzerne zeigen</translation>
    </message>
    <message>
        <source>Collapse &amp;All Key Accounts</source>
        <translation>Alle Konzerne &amp;zuklappen</translation>
    </message>
    <message>
        <source>Show every key account as one row (its sites still count)</source>
        <translation>Jeden Konzern als eine Zeile zeigen (seine Standorte zählen weiter)</translation>
    </message>
</context>
<context>
    <name>KpiBox</name>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>White spots</source>
        <translation>Weiße Flecken</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Bought from us</source>
        <translation>Kauft bei uns</translation>
    </message>
    <message>
        <source>Competitor cells</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>Kein Bedarf</translation>
    </message>
    <message>
        <source>Sum of potential</source>
        <translation>Summe Potenzial</translation>
    </message>
    <message>
        <source>Sum of our revenue</source>
        <translation>Summe unser Umsatz</translation>
    </message>
    <message>
        <source>Share of wallet (count)</source>
        <translation>Lieferanteil (Anzahl)</translation>
    </message>
    <message>
        <source>Share of wallet (amount)</source>
        <translation>Lieferanteil (Betrag)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
</context>
<context>
    <name>MainActionsMixin</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Create a new, empty matrix file</source>
        <translation>Neue, leere Matrixdatei anlegen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a matrix file</source>
        <translation>Matrixdatei öffnen</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>&amp;Kopie speichern unter…</translation>
    </message>
    <message>
        <source>Write a copy of the open file (every edit is already saved)</source>
        <translation>Kopie der geöffneten Datei schreiben (jede Änderung ist schon gespeichert)</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy marks</source>
        <translation>Markierungen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected marks as a block for Excel or Calc</source>
        <translation>Gewählte Markierungen als Block für Excel oder Calc kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste marks</source>
        <translation>Markierungen &amp;einfügen</translation>
    </message>
    <message>
        <source>Paste a block of marks (X, W, B, K, empty) copied from a spreadsheet</source>
        <translation>Block von Markierungen (X, W, B, K, leer) aus einer Tabellenkalkulation einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>%1 — %2 (keys: %3)</source>
        <translation>%1 — %2 (Tasten: %3)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Larger cells</source>
        <translation>Größere Zellen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Verklei&amp;nern</translation>
    </message>
    <message>
        <source>Smaller cells: more of a large matrix at a glance</source>
        <translation>Kleinere Zellen: mehr von einer großen Matrix auf einen Blick</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Go to the &amp;Matrix</source>
        <translation>Zur &amp;Matrix</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the matrix (F6 or Ctrl+M)</source>
        <translation>Tastaturfokus in die Matrix setzen (F6 oder Strg+M)</translation>
    </message>
    <message>
        <source>&amp;About KPM Desktop</source>
        <translation>Ü&amp;ber KPM Desktop</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Mark palette</source>
        <translation>Markierungsleiste</translation>
    </message>
    <message>
        <source>Opened read-only: %1</source>
        <translation>Schreibgeschützt geöffnet: %1</translation>
    </message>
    <message>
        <source>viewing only</source>
        <translation>nur ansehen</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>Keine Datei geöffnet</translation>
    </message>
    <message>
        <source>White spots: %1 · Coverage: %2 %</source>
        <translation>Weiße Flecken: %1 · Abdeckung: %2 %</translation>
    </message>
    <message>
        <source>Sites and customers: %1 of %2 · Key accounts: %7 (counted by their sites) · Products: %3 of %4 · White spots: %5 · Coverage: %6 %</source>
        <translation>Standorte und Kunden: %1 von %2 · Konzerne: %7 (über ihre Standorte gezählt) · Produkte: %3 von %4 · Weiße Flecken: %5 · Abdeckung: %6 %</translation>
    </message>
    <message>
        <source>Customers: %1 of %2 · Products: %3 of %4 · White spots: %5 · Coverage: %6 %</source>
        <translation>Kunden: %1 von %2 · Produkte: %3 von %4 · Weiße Flecken: %5 · Abdeckung: %6 %</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1%2 — KPM Desktop</source>
        <translation>%1%2 — KPM Desktop</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Wiederholt: %1</translation>
    </message>
    <message>
        <source>Undo/redo failed; the file was not changed</source>
        <translation>Rückgängig/Wiederholen fehlgeschlagen; die Datei wurde nicht geändert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>About KPM Desktop</source>
        <translation>Über KPM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;KPM Desktop %1&lt;/b&gt;&lt;p&gt;Customer/product matrix for B2B field sales: see white spots, competitor occupancy and potential at a glance.&lt;/p&gt;</source>
        <translation>&lt;b&gt;KPM Desktop %1&lt;/b&gt;&lt;p&gt;Kunden-Produkt-Matrix für den B2B-Außendienst: weiße Flecken, Wettbewerbsbelegung und Potenzial auf einen Blick.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManageActions</name>
    <message>
        <source>&amp;Customers…</source>
        <translation>&amp;Kunden…</translation>
    </message>
    <message>
        <source>Add, rename, edit, deactivate or delete customers</source>
        <translation>Kunden anlegen, umbenennen, bearbeiten, deaktivieren oder löschen</translation>
    </message>
    <message>
        <source>&amp;Products and groups…</source>
        <translation>&amp;Produkte und Gruppen…</translation>
    </message>
    <message>
        <source>Add, edit, order, deactivate or delete products and product groups</source>
        <translation>Produkte und Produktgruppen anlegen, bearbeiten, ordnen, deaktivieren oder löschen</translation>
    </message>
    <message>
        <source>C&amp;ompetitors…</source>
        <translation>&amp;Wettbewerber…</translation>
    </message>
    <message>
        <source>Add, rename or delete competitors</source>
        <translation>Wettbewerber anlegen, umbenennen oder löschen</translation>
    </message>
</context>
<context>
    <name>ManageCompetitors</name>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Competitor cells (W) can name one of these competitors.</source>
        <translation>Wettbewerbszellen (W) können einen dieser Wettbewerber nennen.</translation>
    </message>
    <message>
        <source>A competitor named “%1” exists already.</source>
        <translation>Ein Wettbewerber namens „%1“ existiert schon.</translation>
    </message>
    <message>
        <source>Add competitor</source>
        <translation>Wettbewerber hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename competitor</source>
        <translation>Wettbewerber umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete competitor</source>
        <translation>Wettbewerber löschen</translation>
    </message>
    <message>
        <source>Delete “%1”? Competitor cells that name it stay competitor cells without a name. You can undo this.</source>
        <translation>„%1“ löschen? Wettbewerbszellen, die ihn nennen, bleiben Wettbewerbszellen ohne Namen. Sie können das rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>ManageCustomers</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>Konzern</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>e.g. 250000</source>
        <translation>z. B. 250000</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Active (inactive customers are hidden in the matrix)</source>
        <translation>Aktiv (inaktive Kunden sind in der Matrix ausgeblendet)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>Str&amp;eet:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;PLZ:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Branche:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Be&amp;treuer:</translation>
    </message>
    <message>
        <source>&amp;ABC class:</source>
        <translation>&amp;ABC-Klasse:</translation>
    </message>
    <message>
        <source>Annual re&amp;venue:</source>
        <translation>&amp;Jahresumsatz:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Merkmale:</translation>
    </message>
    <message>
        <source>&amp;Key account:</source>
        <translation>&amp;Konzern:</translation>
    </message>
    <message>
        <source>Enter an amount such as 250000</source>
        <translation>Geben Sie einen Betrag wie 250000 ein</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Search customer, number, city…</source>
        <translation>Kunde, Nummer, Ort suchen…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Dea&amp;ctivate</source>
        <translation>De&amp;aktivieren</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation>Re&amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rename customer “%1” to “%2”</source>
        <translation>Kunde „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Kunde löschen</translation>
    </message>
    <message>
        <source>Delete “%1” with its %2 marks, notes and goals? You can undo this (Edit → Undo). To keep the data, deactivate instead.</source>
        <translation>„%1“ mit seinen %2 Markierungen, Notizen und Zielen löschen? Sie können das rückgängig machen (Bearbeiten → Rückgängig). Um die Daten zu behalten, deaktivieren Sie den Kunden stattdessen.</translation>
    </message>
</context>
<context>
    <name>ManageDialogs</name>
    <message>
        <source>The change could not be saved; the file is unchanged. Check the entry and try again. (Details: %1)</source>
        <translation>Die Änderung konnte nicht gespeichert werden; die Datei ist unverändert. Prüfen Sie die Eingabe und versuchen Sie es erneut. (Details: %1)</translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation>Änderung nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ManageProducts</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(ohne Gruppe)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Produkt bearbeiten</translation>
    </message>
    <message>
        <source>Active (inactive products are hidden in the matrix)</source>
        <translation>Aktiv (inaktive Produkte sind in der Matrix ausgeblendet)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Products and product groups</source>
        <translation>Produkte und Produktgruppen</translation>
    </message>
    <message>
        <source>Product groups</source>
        <translation>Produktgruppen</translation>
    </message>
    <message>
        <source>Add &amp;group…</source>
        <translation>&amp;Gruppe hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>U&amp;mbenennen…</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Nach o&amp;ben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <source>Dele&amp;te group…</source>
        <translation>Gruppe lö&amp;schen…</translation>
    </message>
    <message>
        <source>Dea&amp;ctivate</source>
        <translation>De&amp;aktivieren</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation>Re&amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Add product…</source>
        <translation>&amp;Produkt hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Products (in column order)</source>
        <translation>Produkte (in Spaltenreihenfolge)</translation>
    </message>
    <message>
        <source>A group named “%1” exists already.</source>
        <translation>Eine Gruppe namens „%1“ existiert schon.</translation>
    </message>
    <message>
        <source>Add product group</source>
        <translation>Produktgruppe hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename product group</source>
        <translation>Produktgruppe umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete product group</source>
        <translation>Produktgruppe löschen</translation>
    </message>
    <message>
        <source>Delete the group “%1”? Its %2 products stay, without a group. You can undo this.</source>
        <translation>Die Gruppe „%1“ löschen? Ihre %2 Produkte bleiben, ohne Gruppe. Sie können das rückgängig machen.</translation>
    </message>
    <message>
        <source>Rename product “%1” to “%2”</source>
        <translation>Produkt „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>Produkt löschen</translation>
    </message>
    <message>
        <source>Delete “%1” with its %2 marks? You can undo this (Edit → Undo). To keep the data, deactivate instead.</source>
        <translation>„%1“ mit seinen %2 Markierungen löschen? Sie können das rückgängig machen (Bearbeiten → Rückgängig). Um die Daten zu behalten, deaktivieren Sie das Produkt stattdessen.</translation>
    </message>
</context>
<context>
    <name>MarkingMixin</name>
    <message>
        <source>Selection too large</source>
        <translation>Auswahl zu groß</translation>
    </message>
    <message>
        <source>%1 cells are selected; mark at most %2 cells at once.</source>
        <translation>%1 Zellen sind gewählt; markieren Sie höchstens %2 Zellen auf einmal.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nichts wurde geändert</translation>
    </message>
    <message>
        <source>1 cell marked %1 — %2 undoes</source>
        <translation>1 Zelle als %1 markiert — %2 macht das rückgängig</translation>
    </message>
    <message>
        <source>%3 cells marked %1 — %2 undoes</source>
        <translation>%3 Zellen als %1 markiert — %2 macht das rückgängig</translation>
    </message>
    <message>
        <source>Copy works on one rectangular block; select one block.</source>
        <translation>Kopieren geht nur mit einem rechteckigen Block; wählen Sie einen Block.</translation>
    </message>
    <message>
        <source>Copy at most %1 cells at once; for more, use File › Export.</source>
        <translation>Kopieren Sie höchstens %1 Zellen auf einmal; für mehr nutzen Sie Datei › Exportieren.</translation>
    </message>
    <message>
        <source>Copied %1 × %2 marks</source>
        <translation>%1 × %2 Markierungen kopiert</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>Nichts wurde eingefügt</translation>
    </message>
    <message>
        <source>Select a cell to paste into.</source>
        <translation>Wählen Sie eine Zelle zum Einfügen.</translation>
    </message>
    <message>
        <source>The block is %1 × %2 (rows × columns); from the selected cell there is room for %3 × %4.</source>
        <translation>Der Block ist %1 × %2 groß (Zeilen × Spalten); ab der gewählten Zelle ist Platz für %3 × %4.</translation>
    </message>
    <message>
        <source>The block has %1 cells; paste at most %2 at once. Split it, or use File › Import for a whole matrix.</source>
        <translation>Der Block hat %1 Zellen; fügen Sie höchstens %2 auf einmal ein. Teilen Sie ihn, oder nutzen Sie für eine ganze Matrix Datei › Importieren.</translation>
    </message>
    <message>
        <source>The block covers a key account&apos;s row, which shows its sites&apos; roll-up. Paste onto the sites&apos; rows (expand the key account with +).</source>
        <translation>Der Block überdeckt die Zeile eines Konzerns, die nur die Zusammenfassung seiner Standorte zeigt. Fügen Sie in die Zeilen der Standorte ein (Konzern mit + aufklappen).</translation>
    </message>
    <message>
        <source>Pasted %1 × %2 marks — %3 undoes</source>
        <translation>%1 × %2 Markierungen eingefügt — %3 macht das rückgängig</translation>
    </message>
</context>
<context>
    <name>MasterDataForm</name>
    <message>
        <source>Master data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>The key account (Konzern) this customer is a site of; empty for none</source>
        <translation>Der Konzern, zu dem dieser Kunde als Standort gehört; leer für keinen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Jahresumsatz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>Konzern</translation>
    </message>
    <message>
        <source>Save master data</source>
        <translation>Stammdaten speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>%1 (key account, roll-up of its sites) – %2: %3</source>
        <translation>%1 (Konzern, Zusammenfassung seiner Standorte) – %2: %3</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>conflict: mine %1 / theirs %2 — Team › Review Conflicts</source>
        <translation>Konflikt: meins %1 / deren %2 — Team › Konflikte prüfen</translation>
    </message>
    <message>
        <source>Competitor: %1</source>
        <translation>Wettbewerber: %1</translation>
    </message>
    <message>
        <source>Last verified: %1</source>
        <translation>Zuletzt bestätigt: %1</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nie bestätigt</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message numerus="yes">
        <source>Roll-up of %n site(s): %1</source>
        <translation>
            <numerusform>Zusammenfassung von %n Standort: %1</numerusform>
            <numerusform>Zusammenfassung von %n Standorten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Marks belong to the sites: expand the key account to edit them.</source>
        <translation>Markierungen gehören zu den Standorten: Konzern aufklappen, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message numerus="yes">
        <source>Key account with %n site(s); counts over its sites</source>
        <translation>
            <numerusform>Konzern mit %n Standort; Zahlen über seinen Standort</numerusform>
            <numerusform>Konzern mit %n Standorten; Zahlen über seine Standorte</numerusform>
        </translation>
    </message>
    <message>
        <source>Site of %1</source>
        <translation>Standort von %1</translation>
    </message>
    <message>
        <source>%1 white spots, coverage %2 %</source>
        <translation>%1 weiße Flecken, Abdeckung %2 %</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Customer/product matrix</source>
        <translation>Kunden-Produkt-Matrix</translation>
    </message>
    <message>
        <source>Rows are customers, columns products. Arrow keys move; X, W, B, K set a mark, Delete makes a white spot; Ctrl+Z undoes.</source>
        <translation>Zeilen sind Kunden, Spalten Produkte. Pfeiltasten bewegen; X, W, B, K setzen eine Markierung, Entf macht einen weißen Fleck; Strg+Z macht rückgängig.</translation>
    </message>
    <message>
        <source>Products with their counts per mark</source>
        <translation>Produkte mit ihren Anzahlen je Markierung</translation>
    </message>
    <message>
        <source>Customers with white spots and coverage</source>
        <translation>Kunden mit weißen Flecken und Abdeckung</translation>
    </message>
    <message>
        <source>Legend of the marks</source>
        <translation>Legende der Markierungen</translation>
    </message>
    <message>
        <source>No matrix file is open: use File › Open… or File › New….</source>
        <translation>Keine Matrixdatei geöffnet: Datei › Öffnen… oder Datei › Neu… wählen.</translation>
    </message>
    <message>
        <source>No customer matches the filter.</source>
        <translation>Kein Kunde passt zum Filter.</translation>
    </message>
    <message>
        <source>This matrix has no customers or products yet: add them first.</source>
        <translation>Diese Matrix hat noch keine Kunden oder Produkte: Legen Sie sie zuerst an.</translation>
    </message>
</context>
<context>
    <name>MergeController</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n gelöscht</numerusform>
            <numerusform>%n gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n Konflikt zu prüfen</numerusform>
            <numerusform>%n Konflikte zu prüfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeMenu</name>
    <message>
        <source>&amp;Merge a Colleague&apos;s File…</source>
        <translation>Kollegen-Datei zusa&amp;mmenführen…</translation>
    </message>
    <message>
        <source>Bring a colleague&apos;s copy of this matrix into yours: what is new or changed there is taken over, what both changed is listed for review</source>
        <translation>Die Kopie dieser Matrix von Kolleginnen oder Kollegen in Ihre übernehmen: Neues und dort Geändertes wird übernommen, was beide geändert haben, wird zur Prüfung aufgelistet</translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s file</source>
        <translation>Datei einer Kollegin/eines Kollegen zusammenführen</translation>
    </message>
    <message>
        <source>KPM matrix files (*%1);;All files (*)</source>
        <translation>KPM-Matrixdateien (*%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>Zusammenführen nicht möglich</translation>
    </message>
    <message>
        <source>This is the open file itself; choose the colleague&apos;s copy.</source>
        <translation>Das ist die geöffnete Datei selbst; wählen Sie die Kopie der Kollegin/des Kollegen.</translation>
    </message>
    <message>
        <source>Comparing %1 with your file…</source>
        <translation>%1 wird mit Ihrer Datei verglichen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>Zusammenführen abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Merged “%1”: %2</source>
        <translation>„%1“ zusammengeführt: %2</translation>
    </message>
    <message>
        <source>%1 is merged into your file.</source>
        <translation>%1 ist in Ihre Datei übernommen.</translation>
    </message>
    <message>
        <source>Where you and your colleague changed the same thing, your version stays until you decide (Team › Review Conflicts…).</source>
        <translation>Wo Sie und Ihre Kollegin/Ihr Kollege dasselbe geändert haben, bleibt Ihre Fassung, bis Sie entscheiden (Team › Konflikte prüfen…).</translation>
    </message>
    <message>
        <source>Edit › Undo takes back the whole merge.</source>
        <translation>Bearbeiten › Rückgängig nimmt das ganze Zusammenführen zurück.</translation>
    </message>
    <message>
        <source>&amp;Review Conflicts…</source>
        <translation>&amp;Konflikte prüfen…</translation>
    </message>
</context>
<context>
    <name>NewMatrixDialog</name>
    <message>
        <source>New matrix</source>
        <translation>Neue Matrix</translation>
    </message>
    <message>
        <source>Territory.kpm</source>
        <translation>Gebiet.kpm</translation>
    </message>
    <message>
        <source>File name of the new matrix</source>
        <translation>Dateiname der neuen Matrix</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>e.g. Territory North, key accounts</source>
        <translation>z. B. Gebiet Nord, Schlüsselkunden</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Products, solutions, services&lt;/b&gt; — one per line; &lt;i&gt;Group&lt;/i&gt; ⇥ &lt;i&gt;Product&lt;/i&gt; to group them</source>
        <translation>&lt;b&gt;Produkte, Lösungen, Services&lt;/b&gt; — eins je Zeile; &lt;i&gt;Gruppe&lt;/i&gt; ⇥ &lt;i&gt;Produkt&lt;/i&gt; zum Gruppieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Customers&lt;/b&gt; — one per line; &lt;i&gt;Customer no.&lt;/i&gt; ⇥ &lt;i&gt;Name&lt;/i&gt; ⇥ &lt;i&gt;City&lt;/i&gt; also works</source>
        <translation>&lt;b&gt;Kunden&lt;/b&gt; — einer je Zeile; auch &lt;i&gt;Kundennr.&lt;/i&gt; ⇥ &lt;i&gt;Name&lt;/i&gt; ⇥ &lt;i&gt;Ort&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Products, one per line</source>
        <translation>Produkte, eins je Zeile</translation>
    </message>
    <message>
        <source>Drives	Servo motors
Drives	Gear motors
Service	Maintenance contract</source>
        <translation>Antriebe	Servomotoren
Antriebe	Getriebemotoren
Service	Wartungsvertrag</translation>
    </message>
    <message>
        <source>Customers, one per line</source>
        <translation>Kunden, einer je Zeile</translation>
    </message>
    <message>
        <source>100481	Hartmann GmbH	Hamburg
Müller Maschinenbau AG</source>
        <translation>100481	Hartmann GmbH	Hamburg
Müller Maschinenbau AG</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Create and &amp;import…</source>
        <translation>Anlegen und &amp;importieren…</translation>
    </message>
    <message>
        <source>KPM matrix (*.kpm)</source>
        <translation>KPM-Matrix (*.kpm)</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation>
            <numerusform> in %n Gruppe</numerusform>
            <numerusform> in %n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate line(s) skipped</source>
        <translation>
            <numerusform>%n doppelte Zeile übersprungen</numerusform>
            <numerusform>%n doppelte Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Please choose a file name.</source>
        <translation>Bitte wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name: existing files are never overwritten.</source>
        <translation>%1 existiert schon. Wählen Sie einen anderen Namen: Vorhandene Dateien werden nie überschrieben.</translation>
    </message>
    <message>
        <source>The file could not be created: %1</source>
        <translation>Die Datei konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Search notes…</source>
        <translation>Notizen durchsuchen…</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Notizen durchsuchen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Note date</source>
        <translation>Datum der Notiz</translation>
    </message>
    <message>
        <source>What was said or agreed?</source>
        <translation>Was wurde gesagt oder vereinbart?</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Vorige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>First page (Home)</source>
        <translation>Erste Seite (Pos1)</translation>
    </message>
    <message>
        <source>Last page (End)</source>
        <translation>Letzte Seite (Ende)</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>Die Seiten werden vorbereitet…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Page Up/Down: turn pages · Home/End: first/last page</source>
        <translation>Bild auf/ab: blättern · Pos1/Ende: erste/letzte Seite</translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <source>No-need reasons</source>
        <translation>Gründe für kein Bedarf</translation>
    </message>
    <message>
        <source>Reasons, one per line</source>
        <translation>Gründe, einer je Zeile</translation>
    </message>
    <message>
        <source>One reason per line:</source>
        <translation>Ein Grund je Zeile:</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Recent changes may be missing</source>
        <translation>Letzte Änderungen fehlen möglicherweise</translation>
    </message>
    <message>
        <source>There is space again: all changes are merged into the file.</source>
        <translation>Wieder Platz auf dem Laufwerk: alle Änderungen sind in die Datei übernommen.</translation>
    </message>
    <message>
        <source>Read-only: the file, its folder or its drive cannot be written. You can look at everything; to edit, save a copy in a writable folder.</source>
        <translation>Schreibgeschützt: Die Datei, ihr Ordner oder ihr Laufwerk ist nicht beschreibbar. Sie können alles ansehen; zum Bearbeiten speichern Sie eine Kopie in einem beschreibbaren Ordner.</translation>
    </message>
    <message>
        <source>Read-only: opened for viewing; changes are not possible.</source>
        <translation>Schreibgeschützt: nur zum Ansehen geöffnet; Änderungen sind nicht möglich.</translation>
    </message>
    <message>
        <source>This file is in a %1 folder. Syncing can copy it in the middle of a change or create conflicting copies; keep matrix files in a local folder (backups protect them).</source>
        <translation>Diese Datei liegt in einem %1-Ordner. Die Synchronisierung kann sie mitten in einer Änderung kopieren oder Konfliktkopien anlegen; legen Sie Matrixdateien in einen lokalen Ordner (Sicherungen schützen sie).</translation>
    </message>
    <message>
        <source>This file is on a network share (%1). A dropped connection can damage it; copy it to a local folder to edit it.</source>
        <translation>Diese Datei liegt auf einer Netzwerkfreigabe (%1). Ein Verbindungsabbruch kann sie beschädigen; kopieren Sie sie zum Bearbeiten in einen lokalen Ordner.</translation>
    </message>
    <message>
        <source>Backup saved.</source>
        <translation>Sicherung gespeichert.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Sicherung wird angelegt…</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>Die Sicherung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backup saved as %1</source>
        <translation>Sicherung gespeichert als %1</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The backup could not be restored</source>
        <translation>Die Sicherung konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Restored the backup from %1.</source>
        <translation>Sicherung vom %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>The previous state was backed up first.</source>
        <translation>Der vorherige Stand wurde zuvor gesichert.</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
    <message>
        <source>%1

No good backup of it was found. The file stays open read-only; keep it for a rescue attempt.</source>
        <translation>%1

Es wurde keine intakte Sicherung gefunden. Die Datei bleibt schreibgeschützt geöffnet; bewahren Sie sie für einen Rettungsversuch auf.</translation>
    </message>
    <message>
        <source>%1

The file was not changed. No good backup of it was found; keep the file for a rescue attempt.</source>
        <translation>%1

Die Datei wurde nicht verändert. Es wurde keine intakte Sicherung gefunden; bewahren Sie die Datei für einen Rettungsversuch auf.</translation>
    </message>
    <message>
        <source>%1 customers, %2 products, %3 marks</source>
        <translation>%1 Kunden, %2 Produkte, %3 Markierungen</translation>
    </message>
    <message>
        <source>%1

The newest good backup is from %2 and holds %3.

Restore it? Changes made since that backup are only in the kept copy.</source>
        <translation>%1

Die neueste intakte Sicherung ist vom %2 und enthält %3.

Diese wiederherstellen? Änderungen seit dieser Sicherung gibt es dann nur in der aufbewahrten Kopie.</translation>
    </message>
    <message>
        <source>%1

The file was not changed. The newest good backup is from %2 and holds %3.

Restore it? The damaged file is kept beside it as “%4.damaged-DATE”.</source>
        <translation>%1

Die Datei wurde nicht verändert. Die neueste intakte Sicherung ist vom %2 und enthält %3.

Diese wiederherstellen? Die beschädigte Datei bleibt daneben als „%4.damaged-DATUM“ erhalten.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Restored the backup from %1; the damaged file is kept as %2.</source>
        <translation>Sicherung vom %1 wiederhergestellt; die beschädigte Datei bleibt als %2 erhalten.</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>List the backups of this file and restore one</source>
        <translation>Sicherungen dieser Datei auflisten und eine wiederherstellen</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Jetzt sic&amp;hern</translation>
    </message>
    <message>
        <source>Write a verified backup of this file now</source>
        <translation>Jetzt eine geprüfte Sicherung dieser Datei schreiben</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when KPM Desktop is restarted.</source>
        <translation>Eine neue Sprache gilt nach dem Neustart von KPM Desktop.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Stale after months</source>
        <translation>Veraltet nach Monaten</translation>
    </message>
    <message>
        <source>Cells not verified for longer are drawn faded and listed for the next visit</source>
        <translation>Länger nicht bestätigte Zellen werden blass gezeigt und für den nächsten Besuch aufgelistet</translation>
    </message>
    <message>
        <source>Cells are &amp;stale after:</source>
        <translation>&amp;Veraltet, wenn älter als:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Default &amp;paper size:</source>
        <translation>Standard-&amp;Papierformat:</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <source>Default &amp;orientation:</source>
        <translation>Standard-&amp;Ausrichtung:</translation>
    </message>
    <message>
        <source>Start exports in customer-safe mode (no competitors, amounts or notes)</source>
        <translation>Exporte in der Kundenansicht beginnen (ohne Wettbewerber, Beträge, Notizen)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>Backups are taken automatically while you edit and before imports and restores. Older ones are thinned out: all from the last hours, then one per day, per week and per month.</source>
        <translation>Sicherungen entstehen automatisch beim Bearbeiten sowie vor Importen und Wiederherstellungen. Ältere werden ausgedünnt: alle aus den letzten Stunden, danach eine pro Tag, pro Woche und pro Monat.</translation>
    </message>
    <message>
        <source>Keep &amp;all from the last:</source>
        <translation>Alle &amp;behalten aus den letzten:</translation>
    </message>
    <message>
        <source>Then one per &amp;day for:</source>
        <translation>Dann eine pro &amp;Tag für:</translation>
    </message>
    <message>
        <source>Then one per &amp;week for:</source>
        <translation>Dann eine pro &amp;Woche für:</translation>
    </message>
    <message>
        <source>Then one per &amp;month for:</source>
        <translation>Dann eine pro &amp;Monat für:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Reasons for “no need” (one per line):</source>
        <translation>Gründe für „kein Bedarf“ (einer je Zeile):</translation>
    </message>
    <message>
        <source>Reasons for no need</source>
        <translation>Gründe für kein Bedarf</translation>
    </message>
    <message>
        <source>Edit &amp;competitors…</source>
        <translation>Wettbewerber &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit products and product &amp;groups…</source>
        <translation>Produkte und Produkt&amp;gruppen bearbeiten…</translation>
    </message>
    <message>
        <source>Lists of this file</source>
        <translation>Listen dieser Datei</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>The new language takes effect after a restart.</source>
        <translation>Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search actions and keys</source>
        <translation>Aktionen und Tasten suchen</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel durchsuchen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>white spot</source>
        <translation>weißer Fleck</translation>
    </message>
    <message>
        <source>ours (X)</source>
        <translation>kauft bei uns (X)</translation>
    </message>
    <message>
        <source>competitor (W)</source>
        <translation>Wettbewerb (W)</translation>
    </message>
    <message>
        <source>need (B)</source>
        <translation>Bedarf (B)</translation>
    </message>
    <message>
        <source>no need (K)</source>
        <translation>kein Bedarf (K)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Customer master data and figures</source>
        <translation>Stammdaten und Kennzahlen des Kunden</translation>
    </message>
    <message>
        <source>Customer panel sections</source>
        <translation>Abschnitte des Kundenbereichs</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Cell details</source>
        <translation>Zelldetails</translation>
    </message>
    <message>
        <source>Visit preparation</source>
        <translation>Besuchsvorbereitung</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>Geändert seit</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Alle Abschnitte</translation>
    </message>
</context>
<context>
    <name>SidePanelDock</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
</context>
<context>
    <name>SidePanelExtension</name>
    <message>
        <source>Change not saved</source>
        <translation>Änderung nicht gespeichert</translation>
    </message>
    <message>
        <source>Amount not saved</source>
        <translation>Betrag nicht gespeichert</translation>
    </message>
    <message>
        <source>The customer panel holds an amount that is not a number (%1); it cannot be saved. Close anyway and drop it?</source>
        <translation>Im Kundenbereich steht ein Betrag, der keine Zahl ist (%1); er kann nicht gespeichert werden. Trotzdem schließen und ihn verwerfen?</translation>
    </message>
    <message>
        <source>Customer &amp;panel</source>
        <translation>&amp;Kundenbereich</translation>
    </message>
    <message>
        <source>&amp;Visit preparation</source>
        <translation>&amp;Besuchsvorbereitung</translation>
    </message>
    <message>
        <source>What to ask and do at the current customer&apos;s next visit</source>
        <translation>Was beim nächsten Besuch des aktuellen Kunden zu fragen und zu tun ist</translation>
    </message>
    <message>
        <source>&amp;Confirm as still true</source>
        <translation>Als weiterhin &amp;gültig bestätigen</translation>
    </message>
    <message>
        <source>The selected answers were checked again: only their verified date changes</source>
        <translation>Die gewählten Angaben wurden erneut geprüft: Nur ihr Bestätigungsdatum ändert sich</translation>
    </message>
</context>
<context>
    <name>SnapshotDiff</name>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unverändert: %1</translation>
    </message>
    <message>
        <source>Changed: %1 → %2</source>
        <translation>Geändert: %1 → %2</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Vergleichen ab</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Vergleichen bis</translation>
    </message>
    <message>
        <source>Only customers shown in the matrix</source>
        <translation>Nur die in der Matrix gezeigten Kunden</translation>
    </message>
    <message>
        <source>Take snapshot…</source>
        <translation>Momentaufnahme erstellen…</translation>
    </message>
    <message>
        <source>Delete snapshot…</source>
        <translation>Momentaufnahme löschen…</translation>
    </message>
    <message>
        <source>Remove the chosen start snapshot (only its name; no data is lost)</source>
        <translation>Die gewählte Start-Momentaufnahme entfernen (nur ihren Namen; es gehen keine Daten verloren)</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Als XLSX exportieren…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>A date…</source>
        <translation>Ein Datum…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>Keine Datei geöffnet</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1: %2 cells changed at %3 customers (%4 edits in the period). %5</source>
        <translation>%1: %2 Zellen bei %3 Kunden geändert (%4 Änderungen im Zeitraum). %5</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>Momentaufnahme löschen</translation>
    </message>
    <message>
        <source>Delete the snapshot “%1”? The marks and their history stay.</source>
        <translation>Die Momentaufnahme „%1“ löschen? Die Markierungen und ihr Verlauf bleiben erhalten.</translation>
    </message>
    <message>
        <source>Nothing was deleted</source>
        <translation>Nichts wurde gelöscht</translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation>Änderungen exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Changes since a snapshot</source>
        <translation>Änderungen seit Momentaufnahme</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n Änderung zu senden</numerusform>
            <numerusform>%n Änderungen zu senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) left your territory and were removed from this file.</source>
        <translation>
            <numerusform>%n Kunde hat Ihr Gebiet verlassen und wurde aus dieser Datei entfernt.</numerusform>
            <numerusform>%n Kunden haben Ihr Gebiet verlassen und wurden aus dieser Datei entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review (Team › Review Conflicts).</source>
        <translation>
            <numerusform>%n Konflikt zu prüfen (Team › Konflikte prüfen).</numerusform>
            <numerusform>%n Konflikte zu prüfen (Team › Konflikte prüfen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamDialogs</name>
    <message>
        <source>Join a Team</source>
        <translation>Einem Team beitreten</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>New &amp;matrix file:</source>
        <translation>Neue &amp;Matrixdatei:</translation>
    </message>
    <message>
        <source>Your local copy holds the customers of your territory. The password goes to the system&apos;s password store (or leave it empty to use your .pgpass file); it is never stored in the matrix file.</source>
        <translation>Ihre lokale Kopie enthält die Kunden Ihres Gebiets. Das Passwort kommt in den Passwortspeicher des Systems (oder lassen Sie es leer, dann gilt Ihre .pgpass-Datei); in der Matrixdatei wird es nie gespeichert.</translation>
    </message>
    <message>
        <source>Enter the team server&apos;s address (your manager has it).</source>
        <translation>Geben Sie die Serveradresse des Teams ein (Ihre Vertriebsleitung kennt sie).</translation>
    </message>
    <message>
        <source>Choose where to keep your copy of the team matrix.</source>
        <translation>Wählen Sie, wo Ihre Kopie der Team-Matrix liegen soll.</translation>
    </message>
    <message>
        <source>New matrix file</source>
        <translation>Neue Matrixdatei</translation>
    </message>
    <message>
        <source>KPM matrix files (*.kpm)</source>
        <translation>KPM-Matrixdateien (*.kpm)</translation>
    </message>
    <message>
        <source>Set Up a Team</source>
        <translation>Team einrichten</translation>
    </message>
    <message>
        <source>Creates the team schema in an empty PostgreSQL database (or upgrades it) and uploads %1 as the team matrix. You need the database owner&apos;s login; the password comes from your .pgpass file or the system&apos;s password store.</source>
        <translation>Legt das Team-Schema in einer leeren PostgreSQL-Datenbank an (oder aktualisiert es) und lädt %1 als Team-Matrix hoch. Sie brauchen die Anmeldung der Datenbank-Eigentümerin; das Passwort kommt aus Ihrer .pgpass-Datei oder dem Passwortspeicher des Systems.</translation>
    </message>
    <message>
        <source>Add a Team Member</source>
        <translation>Teammitglied hinzufügen</translation>
    </message>
    <message>
        <source>Rep (own territory)</source>
        <translation>Außendienst (eigenes Gebiet)</translation>
    </message>
    <message>
        <source>Manager (everything)</source>
        <translation>Vertriebsleitung (alles)</translation>
    </message>
    <message>
        <source>Viewer (read only)</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>e.g. Nord, Ost</source>
        <translation>z. B. Nord, Ost</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Re&amp;gions:</source>
        <translation>Re&amp;gionen:</translation>
    </message>
    <message>
        <source>&amp;Owners:</source>
        <translation>Be&amp;treuer:</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Außendienst</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vertriebsleitung</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Team Members</source>
        <translation>Teammitglieder</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>ours (X)</source>
        <translation>kauft bei uns (X)</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>need</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>no need</source>
        <translation>kein Bedarf</translation>
    </message>
    <message>
        <source>white spot</source>
        <translation>weißer Fleck</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Review Conflicts</source>
        <translation>Konflikte prüfen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine Version</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Version der Kollegen</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>Version der &amp;Kollegen übernehmen</translation>
    </message>
    <message>
        <source>Keep &amp;All Mine</source>
        <translation>&amp;Alle meine behalten</translation>
    </message>
    <message>
        <source>Take All T&amp;heirs</source>
        <translation>Alle &amp;Versionen der Kollegen übernehmen</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Keine offenen Konflikte.</translation>
    </message>
    <message>
        <source>(your role may not change this)</source>
        <translation>(Ihre Rolle darf das nicht ändern)</translation>
    </message>
    <message>
        <source>(left your territory)</source>
        <translation>(hat Ihr Gebiet verlassen)</translation>
    </message>
    <message>
        <source>keep a local copy (no longer synced)</source>
        <translation>lokale Kopie behalten (nicht mehr abgeglichen)</translation>
    </message>
    <message>
        <source>remove from this file</source>
        <translation>aus dieser Datei entfernen</translation>
    </message>
</context>
<context>
    <name>TeamFields</name>
    <message>
        <source>Mark</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation>Unser Umsatz</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potenzial</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Jahresumsatz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig</translation>
    </message>
</context>
<context>
    <name>TeamHistory</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>Te&amp;am</source>
        <translation>T&amp;eam</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Review &amp;Conflicts…</source>
        <translation>&amp;Konflikte prüfen…</translation>
    </message>
    <message>
        <source>&amp;Join a Team…</source>
        <translation>Einem Team &amp;beitreten…</translation>
    </message>
    <message>
        <source>Set &amp;Up a Team…</source>
        <translation>Team &amp;einrichten…</translation>
    </message>
    <message>
        <source>&amp;Add Team Member…</source>
        <translation>Mitglied &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Team &amp;Members…</source>
        <translation>Mitglieder &amp;anzeigen…</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vertriebsleitung</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>abgeglichen %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Abgleich mit dem Teamserver…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Sync cancelled; your changes stay here and are sent next time.</source>
        <translation>Abgleich abgebrochen; Ihre Änderungen bleiben hier und werden beim nächsten Mal gesendet.</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received.</source>
        <translation>Abgeglichen: %1 gesendet, %2 empfangen.</translation>
    </message>
    <message>
        <source>Copying the team matrix…</source>
        <translation>Die Team-Matrix wird kopiert…</translation>
    </message>
    <message>
        <source>“%1” is now the team matrix on %2.</source>
        <translation>„%1“ ist jetzt die Team-Matrix auf %2.</translation>
    </message>
    <message>
        <source>Setting up the team…</source>
        <translation>Das Team wird eingerichtet…</translation>
    </message>
    <message>
        <source>Team member added</source>
        <translation>Teammitglied hinzugefügt</translation>
    </message>
    <message>
        <source>%1 can join now. Initial password (shown once; pass it on privately): %2</source>
        <translation>%1 kann jetzt beitreten. Erstes Passwort (nur jetzt sichtbar; vertraulich weitergeben): %2</translation>
    </message>
    <message>
        <source>Adding the team member…</source>
        <translation>Das Teammitglied wird angelegt…</translation>
    </message>
    <message>
        <source>Reading the team members…</source>
        <translation>Die Teammitglieder werden gelesen…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>TripActions</name>
    <message>
        <source>Trip “%1” planned — %2 undoes.</source>
        <translation>Tour „%1“ geplant — %2 macht das rückgängig.</translation>
    </message>
    <message>
        <source>Trip “%1” changed — %2 undoes.</source>
        <translation>Tour „%1“ geändert — %2 macht das rückgängig.</translation>
    </message>
    <message>
        <source>No trip to debrief yet: plan one under Visits › Plan trip.</source>
        <translation>Noch keine Tour zum Nachbereiten: Planen Sie eine unter Besuche › Tour planen.</translation>
    </message>
    <message>
        <source>Another export is still running; try again when it has finished.</source>
        <translation>Ein anderer Export läuft noch; bitte versuchen Sie es erneut, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Trip pack</source>
        <translation>Tourmappe</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the trip pack…</source>
        <translation>Tourmappe wird geschrieben…</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>iCalendar-Datei (*.ics)</translation>
    </message>
    <message>
        <source>Writing the calendar file…</source>
        <translation>Kalenderdatei wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>TripDebriefDialog</name>
    <message>
        <source>Debrief trip “%1”</source>
        <translation>Tour „%1“ nachbereiten</translation>
    </message>
    <message>
        <source>&amp;Previous customer</source>
        <translation>&amp;Voriger Kunde</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>&amp;Nächster Kunde</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>What changed on the trip</source>
        <translation>Was sich auf der Tour geändert hat</translation>
    </message>
    <message>
        <source>&amp;Back to the customers</source>
        <translation>Zurück zu den &amp;Kunden</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>The file is open read-only: answers cannot be stored.</source>
        <translation>Die Datei ist schreibgeschützt geöffnet: Antworten können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Customer %1 of %2: %3 (%4), %5 at %6</source>
        <translation>Kunde %1 von %2: %3 (%4), %5 in %6</translation>
    </message>
    <message>
        <source>Change not saved: %1</source>
        <translation>Änderung nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: confirmed as still true</source>
        <translation>%1: als weiterhin gültig bestätigt</translation>
    </message>
    <message>
        <source>Note %1: %2</source>
        <translation>Notiz %1: %2</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>Since %1 %2:</source>
        <translation>Seit %1 %2:</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) changed</source>
        <translation>
            <numerusform>%n Antwort geändert</numerusform>
            <numerusform>%n Antworten geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed as still true</source>
        <translation>
            <numerusform>%n als weiterhin gültig bestätigt</numerusform>
            <numerusform>%n als weiterhin gültig bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at %n customer(s).</source>
        <translation>
            <numerusform>bei %n Kunden.</numerusform>
            <numerusform>bei %n Kunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The same mark changes for the whole file: kpm diff &quot;%1&quot; --since %2</source>
        <translation>Dieselben Markierungsänderungen für die ganze Datei: kpm diff &quot;%1&quot; --since %2</translation>
    </message>
</context>
<context>
    <name>TripPlanner</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>TripPlannerDialog</name>
    <message>
        <source>Plan trip</source>
        <translation>Tour planen</translation>
    </message>
    <message>
        <source>Edit trip “%1”</source>
        <translation>Tour „%1“ bearbeiten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration of a visit added from now on</source>
        <translation>Dauer der Besuche, die ab jetzt hinzugefügt werden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Travel between visits:</source>
        <translation>&amp;Fahrzeit zwischen Besuchen:</translation>
    </message>
    <message>
        <source>&amp;Minutes per visit:</source>
        <translation>&amp;Minuten je Besuch:</translation>
    </message>
    <message>
        <source>Add customers</source>
        <translation>Kunden hinzufügen</translation>
    </message>
    <message>
        <source>Name, number or city…</source>
        <translation>Name, Nummer oder Ort…</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Passende Kunden</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add the %n customer(s) selected in the matrix</source>
        <translation>
            <numerusform>Den %n in der Matrix markierten Kunden hinzufügen</numerusform>
            <numerusform>Die %n in der Matrix markierten Kunden hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>How many customers to add from the ranking</source>
        <translation>Wie viele Kunden aus der Rangliste hinzugefügt werden</translation>
    </message>
    <message>
        <source>Add from &quot;&amp;Where to go next&quot;</source>
        <translation>Aus „Nächste Be&amp;suche“ hinzufügen</translation>
    </message>
    <message>
        <source>Add all customers of</source>
        <translation>Alle Kunden hinzufügen aus</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode area</source>
        <translation>PLZ-Gebiet</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Add a&amp;ll</source>
        <translation>A&amp;lle hinzufügen</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Die ersten</translation>
    </message>
    <message>
        <source>Visits (drag to reorder)</source>
        <translation>Besuche (Reihenfolge durch Ziehen ändern)</translation>
    </message>
    <message>
        <source>Visits of the trip in order</source>
        <translation>Besuche der Tour in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Order by &amp;postcode</source>
        <translation>Nach &amp;PLZ ordnen</translation>
    </message>
    <message>
        <source>A simple proximity: nearby places have similar postcodes</source>
        <translation>Eine einfache Nähe: benachbarte Orte haben ähnliche Postleitzahlen</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>Tour %1</translation>
    </message>
    <message numerus="yes">
        <source>A trip has at most %1 visits; %n customer(s) were not added.</source>
        <translation>
            <numerusform>Eine Tour hat höchstens %1 Besuche; %n Kunde wurde nicht hinzugefügt.</numerusform>
            <numerusform>Eine Tour hat höchstens %1 Besuche; %n Kunden wurden nicht hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), back by %1</source>
        <translation>
            <numerusform>%n Besuch, zurück gegen %1</numerusform>
            <numerusform>%n Besuche, zurück gegen %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits yet: add customers on the left.</source>
        <translation>Noch keine Besuche: Fügen Sie links Kunden hinzu.</translation>
    </message>
    <message>
        <source>The trip needs a name.</source>
        <translation>Die Tour braucht einen Namen.</translation>
    </message>
    <message>
        <source>Add at least one customer.</source>
        <translation>Fügen Sie mindestens einen Kunden hinzu.</translation>
    </message>
    <message>
        <source>Another trip is called %1; choose another name.</source>
        <translation>Eine andere Tour heißt bereits %1; bitte wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The trip was not saved: %1</source>
        <translation>Die Tour wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>TripsMenu</name>
    <message>
        <source>Trip pack %1 written to %2 (pages: %3).</source>
        <translation>Tourmappe %1 nach %2 geschrieben (Seiten: %3).</translation>
    </message>
    <message>
        <source>Calendar file %1 written (events: %2); importing it again updates them.</source>
        <translation>Kalenderdatei %1 geschrieben (Termine: %2); ein erneuter Import aktualisiert sie.</translation>
    </message>
    <message>
        <source>V&amp;isits</source>
        <translation>Be&amp;suche</translation>
    </message>
    <message>
        <source>&amp;Plan trip…</source>
        <translation>Tour &amp;planen…</translation>
    </message>
    <message>
        <source>A day&apos;s visits: customers, order, times; printed pack and calendar file</source>
        <translation>Die Besuche eines Tages: Kunden, Reihenfolge, Zeiten; gedruckte Mappe und Kalenderdatei</translation>
    </message>
    <message>
        <source>&amp;Trips…</source>
        <translation>&amp;Touren…</translation>
    </message>
    <message>
        <source>The trips of this file: edit, delete, print, calendar, debrief</source>
        <translation>Die Touren dieser Datei: bearbeiten, löschen, drucken, Kalender, nachbereiten</translation>
    </message>
    <message>
        <source>&amp;Debrief trip…</source>
        <translation>Tour &amp;nachbereiten…</translation>
    </message>
    <message>
        <source>Go through a trip&apos;s customers and capture the answers</source>
        <translation>Die Kunden einer Tour durchgehen und die Antworten erfassen</translation>
    </message>
</context>
<context>
    <name>TripsWindow</name>
    <message>
        <source>Trips</source>
        <translation>Touren</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besuche</translation>
    </message>
    <message>
        <source>No trips yet: plan one with New…</source>
        <translation>Noch keine Touren: Planen Sie eine mit „Neu…“.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Trip &amp;pack (PDF)…</source>
        <translation>Tour&amp;mappe (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Calendar file (.ics)…</source>
        <translation>&amp;Kalenderdatei (.ics)…</translation>
    </message>
    <message>
        <source>De&amp;brief…</source>
        <translation>Nachbe&amp;reiten…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Trip not deleted</source>
        <translation>Tour nicht gelöscht</translation>
    </message>
    <message>
        <source>Trip “%1” deleted — %2 undoes.</source>
        <translation>Tour „%1“ gelöscht — %2 macht das rückgängig.</translation>
    </message>
</context>
<context>
    <name>ViewLayout</name>
    <message>
        <source>Compact &amp;Header</source>
        <translation>Kom&amp;pakter Kopfbereich</translation>
    </message>
    <message>
        <source>Collapse the product names and counts to one line: more customer rows on a small screen</source>
        <translation>Produktnamen und Anzahlen auf eine Zeile verkleinern: mehr Kundenzeilen auf einem kleinen Bildschirm</translation>
    </message>
</context>
<context>
    <name>VisitPrepView</name>
    <message>
        <source>Visit preparation</source>
        <translation>Besuchsvorbereitung</translation>
    </message>
    <message>
        <source>X ours</source>
        <translation>X kauft bei uns</translation>
    </message>
    <message>
        <source>W competitor</source>
        <translation>W Wettbewerb</translation>
    </message>
    <message>
        <source>B need</source>
        <translation>B Bedarf</translation>
    </message>
    <message>
        <source>K no need</source>
        <translation>K kein Bedarf</translation>
    </message>
    <message>
        <source>Set the selected item&apos;s mark to %1</source>
        <translation>Markierung des gewählten Eintrags auf %1 setzen</translation>
    </message>
    <message>
        <source>Confirm as still true</source>
        <translation>Als weiterhin gültig bestätigen</translation>
    </message>
    <message>
        <source>Goal achieved</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>Create goal…</source>
        <translation>Ziel anlegen…</translation>
    </message>
    <message>
        <source>Quick note about this visit…</source>
        <translation>Kurznotiz zu diesem Besuch…</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Kurznotiz</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>No customer selected.</source>
        <translation>Kein Kunde gewählt.</translation>
    </message>
    <message>
        <source>%1: %2 open questions (as of %3, stale after %4 months)</source>
        <translation>%1: %2 offene Fragen (Stand %3, veraltet nach %4 Monaten)</translation>
    </message>
    <message>
        <source>White spots: ask</source>
        <translation>Weiße Flecken: nachfragen</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(ohne Gruppe)</translation>
    </message>
    <message>
        <source>Stale answers: confirm or correct</source>
        <translation>Veraltete Angaben: bestätigen oder korrigieren</translation>
    </message>
    <message>
        <source>%1: %2, verified %3</source>
        <translation>%1: %2, bestätigt %3</translation>
    </message>
    <message>
        <source>Competitor contracts ending within 12 months</source>
        <translation>Wettbewerbsverträge enden in 12 Monaten</translation>
    </message>
    <message>
        <source>%1: %2, ends %3</source>
        <translation>%1: %2, endet %3</translation>
    </message>
    <message>
        <source>competitor not named</source>
        <translation>Wettbewerber ohne Namen</translation>
    </message>
    <message>
        <source>Needs without a goal</source>
        <translation>Bedarf ohne Ziel</translation>
    </message>
    <message>
        <source>(potential %1)</source>
        <translation>(Potenzial %1)</translation>
    </message>
    <message>
        <source>Open goals</source>
        <translation>Offene Ziele</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>(fällig %1)</translation>
    </message>
    <message>
        <source>Last notes</source>
        <translation>Letzte Notizen</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>kpm {command}: warning: {file} is marked as open for editing by {user} on the computer {host} since {since} UTC; --force-unlock takes over: if it is still open there, changes made there can be lost</source>
        <translation>kpm {command}: Warnung: {file} ist seit {since} UTC als in Bearbeitung durch {user} auf dem Computer {host} markiert; --force-unlock übernimmt: Ist die Datei dort noch geöffnet, können dort gemachte Änderungen verloren gehen</translation>
    </message>
    <message>
        <source>{path} exists already</source>
        <translation>{path} existiert bereits</translation>
    </message>
    <message>
        <source>give --since DATE or --snapshot NAME</source>
        <translation>Geben Sie --since DATUM oder --snapshot NAME an</translation>
    </message>
    <message>
        <source>use either dates (--since/--until) or snapshots, not both</source>
        <translation>Verwenden Sie entweder Daten (--since/--until) oder Momentaufnahmen, nicht beides</translation>
    </message>
    <message>
        <source>--until needs --since</source>
        <translation>--until braucht --since</translation>
    </message>
    <message>
        <source>--until {until} lies before --since {since}</source>
        <translation>--until {until} liegt vor --since {since}</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>eine Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>--{option} writes {what}, so the output name must end in {suffix} ({name} does not); nothing was written</source>
        <translation>--{option} schreibt {what}, daher muss der Ausgabename auf {suffix} enden ({name} tut das nicht); nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>folder {folder} does not exist</source>
        <translation>Der Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <source>{path} is the matrix file itself; choose another output name</source>
        <translation>{path} ist die Matrixdatei selbst; wählen Sie einen anderen Ausgabenamen</translation>
    </message>
    <message>
        <source>--visit and --blank write PDF: use --pdf OUT</source>
        <translation>--visit und --blank schreiben PDF: verwenden Sie --pdf AUSGABE</translation>
    </message>
    <message>
        <source>--fill must be between 0 and 1</source>
        <translation>--fill muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>--customers and --products must not be negative</source>
        <translation>--customers und --products dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; not found (columns: {columns})</source>
        <translation>Spalte „{column}“ nicht gefunden (Spalten: {columns})</translation>
    </message>
    <message>
        <source>--map {spec}: use FIELD=COLUMN with FIELD one of {fields}</source>
        <translation>--map {spec}: verwenden Sie FELD=SPALTE mit FELD aus {fields}</translation>
    </message>
    <message>
        <source>--accept {spec}: give source row numbers, e.g. --accept 5 or --accept 5,9</source>
        <translation>--accept {spec}: geben Sie Zeilennummern der Quelle an, z. B. --accept 5 oder --accept 5,9</translation>
    </message>
    <message>
        <source>--accept: no suggestion for row {rows} (rows with suggestions: {with_suggestions})</source>
        <translation>--accept: kein Vorschlag für Zeile {rows} (Zeilen mit Vorschlägen: {with_suggestions})</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>no column for the {fields}; choose one with {maps} (columns: {columns})</source>
        <translation>Keine Spalte für das Feld {fields}; wählen Sie eine mit {maps} (Spalten: {columns})</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} existiert nicht</translation>
    </message>
    <message>
        <source>--months and --top must not be negative</source>
        <translation>--months und --top dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>MINE and THEIRS are the same file</source>
        <translation>MINE und THEIRS sind dieselbe Datei</translation>
    </message>
    <message>
        <source>the label must not be empty</source>
        <translation>Die Bezeichnung darf nicht leer sein</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>Kein Passwort auf der Standardeingabe</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name</source>
        <translation>{path} existiert bereits; wählen Sie einen neuen Dateinamen</translation>
    </message>
    <message>
        <source>not a time (HH:MM): &apos;{text}&apos;</source>
        <translation>„{text}“ ist keine Uhrzeit (HH:MM)</translation>
    </message>
    <message>
        <source>--trip reuses a stored trip as it is: leave out {option}</source>
        <translation>--trip verwendet eine gespeicherte Tour unverändert: lassen Sie {option} weg</translation>
    </message>
    <message>
        <source>--trip needs the name of a stored trip</source>
        <translation>--trip braucht den Namen einer gespeicherten Tour</translation>
    </message>
    <message>
        <source>give --customers NUM[,NUM…] and --date YYYY-MM-DD (or --trip NAME)</source>
        <translation>Geben Sie --customers NR[,NR…] und --date JJJJ-MM-TT an (oder --trip NAME)</translation>
    </message>
    <message>
        <source>--customers has an empty entry: &apos;{customers}&apos;</source>
        <translation>--customers hat einen leeren Eintrag: „{customers}“</translation>
    </message>
    <message>
        <source>a trip has at most {most} customers (got {count})</source>
        <translation>Eine Tour hat höchstens {most} Kunden (angegeben: {count})</translation>
    </message>
    <message>
        <source>customer {number} is listed twice</source>
        <translation>Kunde {number} ist doppelt angegeben</translation>
    </message>
    <message>
        <source>--minutes must be {low} to {high} (got {minutes})</source>
        <translation>--minutes muss zwischen {low} und {high} liegen (angegeben: {minutes})</translation>
    </message>
    <message>
        <source>--name must not be empty</source>
        <translation>--name darf nicht leer sein</translation>
    </message>
    <message>
        <source>the same customer is listed twice</source>
        <translation>Derselbe Kunde ist doppelt angegeben</translation>
    </message>
    <message>
        <source>a trip named &apos;{name}&apos; exists already; use --trip &apos;{name}&apos; to reuse it</source>
        <translation>Eine Tour „{name}“ gibt es bereits; verwenden Sie sie mit --trip &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>--pdf and --ics name the same file</source>
        <translation>--pdf und --ics nennen dieselbe Datei</translation>
    </message>
    <message>
        <source>no trip named &apos;{name}&apos; in {file}</source>
        <translation>Keine Tour „{name}“ in {file}</translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason})</source>
        <translation>{file} kann nicht geschrieben werden ({reason})</translation>
    </message>
    <message>
        <source>the trip &apos;{name}&apos; is saved in {file}, but an output file could not be written ({problem}); check the folder and try again with --trip &apos;{name}&apos;</source>
        <translation>Die Tour „{name}“ ist in {file} gespeichert, aber eine Ausgabedatei konnte nicht geschrieben werden ({problem}); prüfen Sie den Ordner und versuchen Sie es erneut mit --trip &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>an output file could not be written ({problem}); check the folder and try again with --trip &apos;{name}&apos;</source>
        <translation>Eine Ausgabedatei konnte nicht geschrieben werden ({problem}); prüfen Sie den Ordner und versuchen Sie es erneut mit --trip &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>no permission for {path} (is it open in another program?); choose another folder or file</source>
        <translation>Keine Berechtigung für {path} (ist die Datei in einem anderen Programm geöffnet?); wählen Sie einen anderen Ordner oder eine andere Datei</translation>
    </message>
    <message>
        <source>the disk is full ({path}); free some space and try again</source>
        <translation>Das Laufwerk ist voll ({path}); schaffen Sie Platz und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>{path} was not found (or its folder does not exist)</source>
        <translation>{path} wurde nicht gefunden (oder sein Ordner existiert nicht)</translation>
    </message>
    <message>
        <source>{path} is on a read-only drive; choose a writable folder</source>
        <translation>{path} liegt auf einem schreibgeschützten Laufwerk; wählen Sie einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <source>{path}: a part of the path is not a folder</source>
        <translation>{path}: ein Teil des Pfads ist kein Ordner</translation>
    </message>
    <message>
        <source>the name {path} is too long; choose a shorter name or folder</source>
        <translation>Der Name {path} ist zu lang; wählen Sie einen kürzeren Namen oder Ordner</translation>
    </message>
    <message>
        <source>{path} cannot be used (system error {code}); check it and try again</source>
        <translation>{path} kann nicht verwendet werden (Systemfehler {code}); prüfen Sie ihn und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>a file cannot be used (system error {code}); check it and try again</source>
        <translation>Eine Datei kann nicht verwendet werden (Systemfehler {code}); prüfen Sie sie und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>kpm {command}: error: {message}</source>
        <translation>kpm {command}: Fehler: {message}</translation>
    </message>
    <message>
        <source>kpm {command}: interrupted</source>
        <translation>kpm {command}: abgebrochen</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): &apos;{text}&apos;</source>
        <translation>„{text}“ ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>not a date or date-time: &apos;{text}&apos;</source>
        <translation>„{text}“ ist kein Datum und keine Uhrzeit</translation>
    </message>
    <message>
        <source>{path} exists already (use --overwrite to replace it)</source>
        <translation>{path} existiert bereits (mit --overwrite ersetzen)</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>The clipboard holds no marks to paste.</source>
        <translation>Die Zwischenablage enthält keine Markierungen zum Einfügen.</translation>
    </message>
    <message>
        <source>Nothing was pasted: row %1, column %2 holds &quot;%3&quot;, which is not a mark (use X, W, B, K or an empty cell).</source>
        <translation>Nichts wurde eingefügt: Zeile %1, Spalte %2 enthält „%3“, das ist keine Markierung (X, W, B, K oder leere Zelle verwenden).</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>white spot</source>
        <translation>weißer Fleck</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>kauft bei uns</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>need</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>no need</source>
        <translation>kein Bedarf</translation>
    </message>
    <message>
        <source>Mark cell as %1</source>
        <translation>Zelle markieren: %1</translation>
    </message>
    <message>
        <source>Mark %1 cells as %2</source>
        <translation>%1 Zellen markieren: %2</translation>
    </message>
    <message>
        <source>Paste %1 cells</source>
        <translation>%1 Zellen einfügen</translation>
    </message>
    <message>
        <source>Add customer “%1”</source>
        <translation>Kunde „%1“ anlegen</translation>
    </message>
    <message>
        <source>Edit customer “%1”</source>
        <translation>Kunde „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete customer “%1”</source>
        <translation>Kunde „%1“ löschen</translation>
    </message>
    <message>
        <source>Add product “%1”</source>
        <translation>Produkt „%1“ anlegen</translation>
    </message>
    <message>
        <source>Edit product “%1”</source>
        <translation>Produkt „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete product “%1”</source>
        <translation>Produkt „%1“ löschen</translation>
    </message>
    <message>
        <source>Add product group “%1”</source>
        <translation>Produktgruppe „%1“ anlegen</translation>
    </message>
    <message>
        <source>Edit product group “%1”</source>
        <translation>Produktgruppe „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete product group “%1”</source>
        <translation>Produktgruppe „%1“ löschen</translation>
    </message>
    <message>
        <source>Add competitor “%1”</source>
        <translation>Wettbewerber „%1“ anlegen</translation>
    </message>
    <message>
        <source>Rename competitor to “%1”</source>
        <translation>Wettbewerber in „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Delete competitor “%1”</source>
        <translation>Wettbewerber „%1“ löschen</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>„%1“ importieren</translation>
    </message>
    <message>
        <source>Make “%1” a site of “%2”</source>
        <translation>„%1“ zum Standort von „%2“ machen</translation>
    </message>
    <message>
        <source>Take “%1” out of its key account</source>
        <translation>„%1“ aus seinem Konzern lösen</translation>
    </message>
    <message>
        <source>Merge “%1”</source>
        <translation>„%1“ zusammenführen</translation>
    </message>
    <message>
        <source>Settle Conflicts</source>
        <translation>Konflikte klären</translation>
    </message>
</context>
<context>
    <name>customer_commands</name>
    <message>
        <source>makes in-house</source>
        <translation>macht es selbst</translation>
    </message>
    <message>
        <source>long-term contract</source>
        <translation>langfristiger Vertrag</translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>nicht relevant</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Add goal “%1”</source>
        <translation>Ziel „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Edit goal “%1”</source>
        <translation>Ziel „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete goal “%1”</source>
        <translation>Ziel „%1“ löschen</translation>
    </message>
    <message>
        <source>Reorder goals</source>
        <translation>Ziele umordnen</translation>
    </message>
    <message>
        <source>Set stale threshold to %1 months</source>
        <translation>Veraltet nach %1 Monaten einstellen</translation>
    </message>
    <message>
        <source>Edit no-need reasons</source>
        <translation>Gründe für kein Bedarf bearbeiten</translation>
    </message>
    <message>
        <source>Edit cell details</source>
        <translation>Zelldetails bearbeiten</translation>
    </message>
    <message>
        <source>Confirm cell as still true</source>
        <translation>Zelle als weiterhin gültig bestätigen</translation>
    </message>
    <message>
        <source>Confirm %1 cells as still true</source>
        <translation>%1 Zellen als weiterhin gültig bestätigen</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>&apos;{name}&apos; matches {count} customers; add the customer number</source>
        <translation>„{name}“ passt zu {count} Kunden; ergänzen Sie die Kundennummer</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; matches {count} products; add the product number</source>
        <translation>„{name}“ passt zu {count} Produkten; ergänzen Sie die Produktnummer</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; names itself as its parent customer; link not set</source>
        <translation>„{name}“ nennt sich selbst als Konzern; Verknüpfung nicht gesetzt</translation>
    </message>
    <message>
        <source>&apos;{parent}&apos; is a site of another key account itself (one level only); &apos;{name}&apos; not linked</source>
        <translation>„{parent}“ ist selbst Standort eines anderen Konzerns (nur eine Ebene); „{name}“ nicht verknüpft</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date</source>
        <translation>„{text}“ ist kein Datum</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a mark (use X, W, B, K or Wettbewerb, Bedarf, kein Bedarf)</source>
        <translation>„{text}“ ist keine Markierung (X, W, B, K oder Wettbewerb, Bedarf, kein Bedarf verwenden)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>„{text}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Jahresumsatz</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Customer UUID</source>
        <translation>Kunden-UUID</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Excel files cannot be read safely on this installation (defusedxml is not active); import a CSV file instead</source>
        <translation>Excel-Dateien können in dieser Installation nicht sicher gelesen werden (defusedxml ist nicht aktiv); importieren Sie stattdessen eine CSV-Datei</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>No-need reason</source>
        <translation>Grund für kein Bedarf</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Our revenue</source>
        <translation>Unser Umsatz</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Parent customer number</source>
        <translation>Konzernnummer (übergeordneter Kunde)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potenzial</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Product UUID</source>
        <translation>Produkt-UUID</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Produktgruppe</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Produktname</translation>
    </message>
    <message>
        <source>Product number</source>
        <translation>Produktnummer</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Recheck date</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Bestätigt am</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; for &apos;{field}&apos; does not exist (columns: {columns})</source>
        <translation>Spalte „{column}“ für „{field}“ gibt es nicht (Spalten: {columns})</translation>
    </message>
    <message>
        <source>column has marks but no product name in the header; ignored</source>
        <translation>Spalte hat Markierungen, aber keinen Produktnamen in der Überschrift; ignoriert</translation>
    </message>
    <message>
        <source>customer number {number} is not in the matrix; import customers first or add a column with the customer name</source>
        <translation>Kundennummer {number} ist nicht in der Matrix; importieren Sie zuerst die Kunden oder ergänzen Sie eine Spalte mit dem Kundennamen</translation>
    </message>
    <message>
        <source>customer {id} does not exist</source>
        <translation>Kunde {id} existiert nicht</translation>
    </message>
    <message>
        <source>customers: {new_customers} new, {updated_customers} updated, {unchanged_customers} unchanged; products: {new_products} new, {updated_products} updated, {unchanged_products} unchanged; cells: {cells} to write, {unchanged_cells} unchanged; conflicts: {conflicts}; problems: {problems}; possible duplicates: {duplicates}</source>
        <translation>Kunden: {new_customers} neu, {updated_customers} geändert, {unchanged_customers} unverändert; Produkte: {new_products} neu, {updated_products} geändert, {unchanged_products} unverändert; Zellen: {cells} zu schreiben, {unchanged_cells} unverändert; Konflikte: {conflicts}; Probleme: {problems}; mögliche Dubletten: {duplicates}</translation>
    </message>
    <message>
        <source>fill colour {colour} has no meaning here (red = competitor, green = need, gray = no need)</source>
        <translation>Füllfarbe {colour} hat hier keine Bedeutung (rot = Wettbewerb, grün = Bedarf, grau = kein Bedarf)</translation>
    </message>
    <message>
        <source>formula not imported ({text}); replace formulas by their values</source>
        <translation>Formel nicht importiert ({text}); ersetzen Sie Formeln durch ihre Werte</translation>
    </message>
    <message>
        <source>import cancelled; nothing was changed</source>
        <translation>Import abgebrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>marked {mine} in the matrix, the import says {theirs}</source>
        <translation>in der Matrix {mine}, laut Import {theirs}</translation>
    </message>
    <message>
        <source>no column for &apos;{field}&apos; (columns: {columns}); choose one in the mapping</source>
        <translation>keine Spalte für „{field}“ (Spalten: {columns}); wählen Sie eine in der Zuordnung</translation>
    </message>
    <message>
        <source>no customer number or name</source>
        <translation>keine Kundennummer und kein Name</translation>
    </message>
    <message>
        <source>no customer with number or name {ref}</source>
        <translation>Kein Kunde mit der Nummer oder dem Namen {ref}</translation>
    </message>
    <message>
        <source>no header row found in the first {rows} rows of {file}</source>
        <translation>keine Überschriftenzeile in den ersten {rows} Zeilen von {file} gefunden</translation>
    </message>
    <message>
        <source>no product group named {name} (groups: {groups})</source>
        <translation>Keine Produktgruppe namens {name} (Gruppen: {groups})</translation>
    </message>
    <message>
        <source>no product number or name</source>
        <translation>keine Produktnummer und kein Name</translation>
    </message>
    <message>
        <source>number {mine} in the matrix, the import says {theirs}</source>
        <translation>Nummer {mine} in der Matrix, der Import sagt {theirs}</translation>
    </message>
    <message>
        <source>parent customer &apos;{text}&apos; is neither in the matrix nor in this file; link not set</source>
        <translation>Konzern „{text}“ ist weder in der Matrix noch in dieser Datei; Verknüpfung nicht gesetzt</translation>
    </message>
    <message>
        <source>quantity 0: not counted as a sale</source>
        <translation>Menge 0: nicht als Verkauf gezählt</translation>
    </message>
    <message>
        <source>read sheet &apos;{sheet}&apos;: the active sheet &apos;{active}&apos; is a chart (sheets: {sheets})</source>
        <translation>Tabellenblatt „{sheet}“ gelesen: das aktive Blatt „{active}“ ist ein Diagramm (Blätter: {sheets})</translation>
    </message>
    <message>
        <source>read sheet &apos;{sheet}&apos;: the active sheet &apos;{active}&apos; is empty (sheets: {sheets})</source>
        <translation>Tabellenblatt „{sheet}“ gelesen: das aktive Blatt „{active}“ ist leer (Blätter: {sheets})</translation>
    </message>
    <message>
        <source>revenue for a cell marked {mark} is not imported</source>
        <translation>Umsatz für eine Zelle mit {mark} wird nicht importiert</translation>
    </message>
    <message>
        <source>row has {count} cells but the header has {expected}; extra cells ignored</source>
        <translation>Zeile hat {count} Zellen, die Überschrift aber {expected}; zusätzliche Zellen ignoriert</translation>
    </message>
    <message>
        <source>row {row}: &apos;{name}&apos; (number {number}) would be a new customer, but &apos;{existing}&apos; (number {existing_number}) has the same name; check that they are different companies</source>
        <translation>Zeile {row}: „{name}“ (Nummer {number}) würde ein neuer Kunde, aber „{existing}“ (Nummer {existing_number}) hat denselben Namen; prüfen Sie, ob es verschiedene Firmen sind</translation>
    </message>
    <message>
        <source>rows {first} and {this} both have customer number {number}, so they are the same customer; row {this} ignored</source>
        <translation>Zeilen {first} und {this} haben beide die Kundennummer {number}, sind also derselbe Kunde; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>rows {first} and {this} both have product number {number}, so they are the same product; row {this} ignored</source>
        <translation>Zeilen {first} und {this} haben beide die Produktnummer {number}, sind also dasselbe Produkt; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>rows {first} and {this} both name &apos;{name}&apos; (the same name once case, umlauts and legal forms are ignored) without different numbers; row {this} ignored</source>
        <translation>Zeilen {first} und {this} nennen beide „{name}“ (derselbe Name ohne Groß-/Kleinschreibung, Umlaute und Rechtsform) ohne verschiedene Nummern; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>rows {first} and {this} both name the product &apos;{name}&apos; (the same name once case and umlauts are ignored) without different numbers; row {this} ignored</source>
        <translation>Zeilen {first} und {this} nennen beide das Produkt „{name}“ (derselbe Name ohne Groß-/Kleinschreibung und Umlaute) ohne verschiedene Nummern; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>rows {first} and {this} carry the same customer ID {uuid}; row {this} ignored</source>
        <translation>Zeilen {first} und {this} tragen dieselbe Kunden-ID {uuid}; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>rows {first} and {this} carry the same product ID {uuid}; row {this} ignored</source>
        <translation>Zeilen {first} und {this} tragen dieselbe Produkt-ID {uuid}; Zeile {this} ignoriert</translation>
    </message>
    <message>
        <source>same {what} as row {first}; row ignored</source>
        <translation>{what} wie in Zeile {first}; Zeile ignoriert</translation>
    </message>
    <message>
        <source>says {mark} but row {first} says {other} for the same cell; ignored</source>
        <translation>sagt {mark}, Zeile {first} aber {other} für dieselbe Zelle; ignoriert</translation>
    </message>
    <message>
        <source>text longer than {limit} characters ignored</source>
        <translation>Text länger als {limit} Zeichen ignoriert</translation>
    </message>
    <message>
        <source>the matrix changed since the preview was computed; compute the preview again</source>
        <translation>die Matrix hat sich seit der Vorschau geändert; berechnen Sie die Vorschau neu</translation>
    </message>
    <message>
        <source>the matrix sheet does not fit on the paper: show fewer customer columns, or choose landscape or A3</source>
        <translation>das Matrixblatt passt nicht auf das Papier: weniger Kundenspalten zeigen oder Querformat bzw. A3 wählen</translation>
    </message>
    <message>
        <source>totals row skipped</source>
        <translation>Summenzeile übersprungen</translation>
    </message>
    <message>
        <source>trip &apos;{name}&apos; not imported: {reason}</source>
        <translation>Tour „{name}“ nicht importiert: {reason}</translation>
    </message>
    <message>
        <source>unknown customer attribute {name}</source>
        <translation>Unbekanntes Kundenmerkmal {name}</translation>
    </message>
    <message>
        <source>unknown import kind &apos;{kind}&apos; (use {kinds})</source>
        <translation>unbekannte Importart „{kind}“ (möglich: {kinds})</translation>
    </message>
    <message>
        <source>{count} customers match {ref}: {names} and {more} more; use the number</source>
        <translation>{count} Kunden passen zu {ref}: {names} und {more} weitere; verwenden Sie die Nummer</translation>
    </message>
    <message>
        <source>{count} customers match {ref}: {names}; use the number</source>
        <translation>{count} Kunden passen zu {ref}: {names}; verwenden Sie die Nummer</translation>
    </message>
    <message>
        <source>{fields} differ between the matrix and the import</source>
        <translation>{fields} weichen zwischen Matrix und Import ab</translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation>{file} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>{file} contains XML entity or DTD declarations, which a workbook never needs; refused for safety</source>
        <translation>{file} enthält XML-Entity- oder DTD-Deklarationen, die eine Arbeitsmappe nie braucht; aus Sicherheitsgründen abgelehnt</translation>
    </message>
    <message>
        <source>{file} contains binary data, not text, so it is not a CSV file</source>
        <translation>{file} enthält Binärdaten statt Text und ist daher keine CSV-Datei</translation>
    </message>
    <message>
        <source>{file} contains no data rows</source>
        <translation>{file} enthält keine Datenzeilen</translation>
    </message>
    <message>
        <source>{file} has more than {limit} columns; this is not a customer or product table</source>
        <translation>{file} hat mehr als {limit} Spalten; das ist keine Kunden- oder Produkttabelle</translation>
    </message>
    <message>
        <source>{file} has more than {limit} rows; split it or filter it before importing</source>
        <translation>{file} hat mehr als {limit} Zeilen; teilen oder filtern Sie sie vor dem Import</translation>
    </message>
    <message>
        <source>{file} has no &apos;{sheets}&apos; sheet with the columns of a KPM export (needed: {needed})</source>
        <translation>{file} hat kein Tabellenblatt „{sheets}“ mit den Spalten eines KPM-Exports (benötigt: {needed})</translation>
    </message>
    <message>
        <source>{file} has no sheet named &apos;{sheet}&apos; (sheets: {sheets})</source>
        <translation>{file} hat kein Tabellenblatt namens „{sheet}“ (Tabellenblätter: {sheets})</translation>
    </message>
    <message>
        <source>{file} holds {size_mb} MB of sheet data, more than the {limit_mb} MB an import reads; export or import fewer customers or products at a time</source>
        <translation>{file} enthält {size_mb} MB Tabellendaten, mehr als die {limit_mb} MB, die ein Import liest; exportieren oder importieren Sie weniger Kunden oder Produkte auf einmal</translation>
    </message>
    <message>
        <source>{file} is a Strict Open XML workbook, whose colours cannot be read: save it as &quot;Excel Workbook (.xlsx)&quot;, or use letters (X, W, B, K) in the cells</source>
        <translation>{file} ist eine Arbeitsmappe im Format Strict Open XML, deren Farben nicht gelesen werden können: speichern Sie sie als „Excel-Arbeitsmappe (.xlsx)“ oder verwenden Sie Buchstaben (X, W, B, K) in den Zellen</translation>
    </message>
    <message>
        <source>{file} is an old Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice, save it as .xlsx or CSV and import that</source>
        <translation>{file} ist eine alte Excel-97-2003-Arbeitsmappe (.xls); öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie als .xlsx oder CSV und importieren Sie diese</translation>
    </message>
    <message>
        <source>{file} is damaged or not a valid Excel workbook; open it in Excel or LibreOffice, save it again and import that</source>
        <translation>{file} ist beschädigt oder keine gültige Excel-Arbeitsmappe; öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie erneut und importieren Sie diese</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} ist leer</translation>
    </message>
    <message>
        <source>{file} is larger than {limit_mb} MB; split it or export fewer columns</source>
        <translation>{file} ist größer als {limit_mb} MB; teilen Sie sie oder exportieren Sie weniger Spalten</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel file (it looks like {what})</source>
        <translation>{file} ist keine CSV- oder Excel-Datei (sieht aus wie {what})</translation>
    </message>
    <message>
        <source>{file}: &apos;{sheet}&apos; is full and &apos;{next}&apos; follows it, but the workbook does not say whether the data continues there (its list of data sheets is missing); nothing was imported. If &apos;{next}&apos; is a copy, rename it; else export the matrix again</source>
        <translation>{file}: „{sheet}“ ist voll und „{next}“ folgt darauf, aber die Arbeitsmappe sagt nicht, ob die Daten dort weitergehen (ihre Liste der Datenblätter fehlt); es wurde nichts importiert. Ist „{next}“ eine Kopie, benennen Sie sie um; sonst exportieren Sie die Matrix erneut</translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; has no values (it is empty or holds only error values such as #REF!); choose another sheet (sheets: {sheets})</source>
        <translation>{file}: Tabellenblatt „{sheet}“ enthält keine Werte (es ist leer oder enthält nur Fehlerwerte wie #BEZUG!); wählen Sie ein anderes Blatt (Blätter: {sheets})</translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; is a chart, not a table; choose another sheet (sheets: {sheets})</source>
        <translation>{file}: Tabellenblatt „{sheet}“ ist ein Diagramm, keine Tabelle; wählen Sie ein anderes Blatt (Blätter: {sheets})</translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; is named as a continuation of &apos;{first}&apos; but has other columns; nothing was imported. Rename that sheet, or give it the header of &apos;{first}&apos;</source>
        <translation>{file}: Das Blatt „{sheet}“ ist wie eine Fortsetzung von „{first}“ benannt, hat aber andere Spalten; es wurde nichts importiert. Benennen Sie das Blatt um oder geben Sie ihm die Kopfzeile von „{first}“</translation>
    </message>
    <message>
        <source>{file}: the data of &apos;{first}&apos; continues on {sheets}, but &apos;{missing}&apos; is missing; nothing was imported. Import the workbook as it was exported</source>
        <translation>{file}: Die Daten von „{first}“ gehen auf {sheets} weiter, aber „{missing}“ fehlt; es wurde nichts importiert. Importieren Sie die Arbeitsmappe so, wie sie exportiert wurde</translation>
    </message>
    <message>
        <source>{file}: the document property &apos;{name}&apos;, which lists the sheets the data is on, cannot be read; nothing was imported. Import the workbook as it was exported</source>
        <translation>{file}: Die Dokumenteigenschaft „{name}“, die die Blätter mit den Daten nennt, kann nicht gelesen werden; es wurde nichts importiert. Importieren Sie die Arbeitsmappe so, wie sie exportiert wurde</translation>
    </message>
    <message>
        <source>{file}: the exported data is on the sheets {sheets}, and &apos;{sheet}&apos; is not the first of them (was &apos;{first}&apos; renamed?); nothing was imported. Import &apos;{first}&apos;, or give the sheet its exported name again</source>
        <translation>{file}: Die exportierten Daten stehen auf den Blättern {sheets}, und „{sheet}“ ist nicht das erste davon (wurde „{first}“ umbenannt?); es wurde nichts importiert. Importieren Sie „{first}“ oder geben Sie dem Blatt wieder seinen exportierten Namen</translation>
    </message>
    <message>
        <source>{file} is password-protected; remove the password in Excel and import it again</source>
        <translation>{file} ist kennwortgeschützt; entfernen Sie das Kennwort in Excel und importieren Sie erneut</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has sites of its own and cannot be a site (one level only); link not set</source>
        <translation>„{name}“ hat selbst Standorte und kann kein Standort sein (nur eine Ebene); Verknüpfung nicht gesetzt</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a key account with sites in this file: its marks are the sites&apos; roll-up and are not imported</source>
        <translation>„{name}“ ist in dieser Datei ein Konzern mit Standorten: seine Markierungen sind die Zusammenfassung der Standorte und werden nicht importiert</translation>
    </message>
    <message>
        <source>{file} mixes text encodings (line {utf8_line} is UTF-8, line {other_line} is not); save it again as UTF-8 and import that</source>
        <translation>{file} mischt Textkodierungen (Zeile {utf8_line} ist UTF-8, Zeile {other_line} nicht); speichern Sie sie erneut als UTF-8 und importieren Sie diese</translation>
    </message>
    <message>
        <source>{file} would expand to more than {limit_mb} MB (a damaged or malicious workbook); refused</source>
        <translation>{file} würde auf mehr als {limit_mb} MB anwachsen (beschädigte oder bösartige Arbeitsmappe); abgelehnt</translation>
    </message>
    <message>
        <source>{file}, row {row}: a cell is larger than {limit} characters; this is not a table export</source>
        <translation>{file}, Zeile {row}: Eine Zelle hat mehr als {limit} Zeichen; das ist kein Tabellenexport</translation>
    </message>
    <message>
        <source>{file}, row {row}: {detail}</source>
        <translation>{file}, Zeile {row}: {detail}</translation>
    </message>
    <message>
        <source>{file}: colours can only be read from .xlsx: save it as .xlsx, or use letters (X, W, B, K) in the cells</source>
        <translation>{file}: Farben können nur aus .xlsx gelesen werden: speichern Sie die Datei als .xlsx oder verwenden Sie Buchstaben (X, W, B, K) in den Zellen</translation>
    </message>
    <message>
        <source>{file}: file not found</source>
        <translation>{file}: Datei nicht gefunden</translation>
    </message>
</context>
<context>
    <name>palette</name>
    <message>
        <source>White spot</source>
        <translation>Weißer Fleck</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Kauft bei uns</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerb</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Bedarf</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>Kein Bedarf</translation>
    </message>
    <message>
        <source>Nobody knows yet: ask on the next visit</source>
        <translation>Noch unbekannt: beim nächsten Besuch fragen</translation>
    </message>
    <message>
        <source>The customer buys this from us</source>
        <translation>Der Kunde kauft das bei uns</translation>
    </message>
    <message>
        <source>The customer buys this from a competitor</source>
        <translation>Der Kunde kauft das beim Wettbewerb</translation>
    </message>
    <message>
        <source>The customer needs this (opportunity)</source>
        <translation>Der Kunde braucht das (Chance)</translation>
    </message>
    <message>
        <source>The customer has no need</source>
        <translation>Der Kunde hat keinen Bedarf</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>cannot back up {file}: {detail}</source>
        <translation>{file} kann nicht gesichert werden: {detail}</translation>
    </message>
    <message>
        <source>cannot create the backup folder {folder}: {detail}</source>
        <translation>Der Sicherungsordner {folder} kann nicht angelegt werden: {detail}</translation>
    </message>
    <message>
        <source>cannot restore into {file}: {detail}</source>
        <translation>{file} kann nicht wiederhergestellt werden: {detail}</translation>
    </message>
    <message>
        <source>cannot write the backup of {file}: {detail}</source>
        <translation>Die Sicherung von {file} kann nicht geschrieben werden: {detail}</translation>
    </message>
    <message>
        <source>no backup &apos;{choice}&apos; of {file} (see kpm backup --list)</source>
        <translation>Keine Sicherung „{choice}“ von {file} (siehe kpm backup --list)</translation>
    </message>
    <message>
        <source>no snapshot {ref} in {file}</source>
        <translation>Keine Momentaufnahme {ref} in {file}</translation>
    </message>
    <message>
        <source>recent changes to {file} may be missing: its change log was damaged (after a crash?) and the saved changes after the damage cannot be read (transactions lost: {lost}). The damaged log is kept as {kept}; the newest automatic backup is from {backup} (File &gt; Backups)</source>
        <translation>Letzte Änderungen an {file} fehlen möglicherweise: das Änderungsprotokoll wurde beschädigt (nach einem Absturz?) und die gespeicherten Änderungen nach der Beschädigung können nicht gelesen werden (verlorene Transaktionen: {lost}). Das beschädigte Protokoll ist als {kept} aufbewahrt; die neueste automatische Sicherung ist vom {backup} (Datei &gt; Sicherungen)</translation>
    </message>
    <message>
        <source>the backup of {file} failed its integrity check ({problem}); older backups were kept</source>
        <translation>Die Sicherung von {file} hat die Integritätsprüfung nicht bestanden ({problem}); ältere Sicherungen wurden behalten</translation>
    </message>
    <message>
        <source>the backup {name} cannot be restored: {problem}</source>
        <translation>Die Sicherung {name} kann nicht wiederhergestellt werden: {problem}</translation>
    </message>
    <message>
        <source>the backup {path} does not exist</source>
        <translation>Die Sicherung {path} existiert nicht</translation>
    </message>
    <message>
        <source>the disk holding {file} is full: the change was not saved (nothing else was changed); free some space and try again</source>
        <translation>Das Laufwerk von {file} ist voll: die Änderung wurde nicht gespeichert (sonst wurde nichts verändert); schaffen Sie Platz und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>the disk holding {file} is full: your changes are saved in its change log ({wal}) but cannot be merged into the file yet; free some space (KPM Desktop retries by itself) and do not delete {wal}</source>
        <translation>Das Laufwerk von {file} ist voll: Ihre Änderungen sind im Änderungsprotokoll ({wal}) gespeichert, können aber noch nicht in die Datei übernommen werden; schaffen Sie Platz (KPM Desktop versucht es selbst erneut) und löschen Sie {wal} nicht</translation>
    </message>
    <message>
        <source>there are no backups of {file}</source>
        <translation>Von {file} gibt es keine Sicherungen</translation>
    </message>
    <message>
        <source>{file} cannot be changed: its disk is full; free some space first</source>
        <translation>{file} kann nicht geändert werden: sein Laufwerk ist voll; schaffen Sie zuerst Platz</translation>
    </message>
    <message>
        <source>{file} cannot be changed: no permission to write in {folder}; copy it to a writable folder first</source>
        <translation>{file} kann nicht geändert werden: keine Schreibberechtigung in {folder}; kopieren Sie die Datei zuerst in einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <source>{file} cannot be locked for editing ({detail})</source>
        <translation>{file} kann nicht zur Bearbeitung gesperrt werden ({detail})</translation>
    </message>
    <message>
        <source>{file} cannot be opened: {detail}</source>
        <translation>{file} kann nicht geöffnet werden: {detail}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation>{file} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>{file} has changes in {wal} that cannot be read in a read-only folder; copy both files to a writable folder to open them</source>
        <translation>{file} hat Änderungen in {wal}, die in einem schreibgeschützten Ordner nicht gelesen werden können; kopieren Sie beide Dateien in einen beschreibbaren Ordner und öffnen Sie sie dort</translation>
    </message>
    <message>
        <source>{file} has changes in {wal} that cannot be read while its disk is full; free some space and open it again</source>
        <translation>{file} hat Änderungen in {wal}, die bei vollem Laufwerk nicht gelesen werden können; schaffen Sie Platz und öffnen Sie die Datei erneut</translation>
    </message>
    <message>
        <source>{file} is already open for editing by {who}; close it there, or open it read-only</source>
        <translation>{file} ist bereits zur Bearbeitung geöffnet von {who}; schließen Sie sie dort oder öffnen Sie sie schreibgeschützt</translation>
    </message>
    <message>
        <source>{file} is already open for editing in another KPM Desktop; close it there, or open it read-only</source>
        <translation>{file} ist bereits in einem anderen KPM Desktop zur Bearbeitung geöffnet; schließen Sie sie dort oder öffnen Sie sie schreibgeschützt</translation>
    </message>
    <message>
        <source>{file} is damaged ({problem}); it is open read-only so that nothing more is written to it. The file as it was, with every change made so far, is kept as {kept}</source>
        <translation>{file} ist beschädigt ({problem}); sie ist nur zum Lesen geöffnet, damit nichts mehr hineingeschrieben wird. Die Datei, wie sie war, mit allen bisherigen Änderungen, ist als {kept} aufbewahrt</translation>
    </message>
    <message>
        <source>{file} is damaged: {problem}</source>
        <translation>{file} ist beschädigt: {problem}</translation>
    </message>
    <message>
        <source>{file} is in a read-only folder</source>
        <translation>{file} liegt in einem schreibgeschützten Ordner</translation>
    </message>
    <message>
        <source>{file} is incomplete: its change log ({wal}) is missing, so the latest changes are not in the file (was it copied while open?)</source>
        <translation>{file} ist unvollständig: das Änderungsprotokoll ({wal}) fehlt, daher fehlen die letzten Änderungen in der Datei (wurde sie kopiert, während sie geöffnet war?)</translation>
    </message>
    <message>
        <source>{file} is marked as open for editing by {user} on the computer {host} since {since} UTC. If it is no longer open there (that computer crashed or was switched off), editing can be taken over (the app asks; kpm: --force-unlock); if it is still open there, changes made there can be lost</source>
        <translation>{file} ist als zur Bearbeitung geöffnet markiert, von {user} auf dem Computer {host} seit {since} UTC. Ist sie dort nicht mehr geöffnet (der Computer ist abgestürzt oder wurde ausgeschaltet), kann die Bearbeitung übernommen werden (das Programm fragt; kpm: --force-unlock); ist sie dort noch geöffnet, können dort gemachte Änderungen verloren gehen</translation>
    </message>
    <message>
        <source>{file} is not a KPM matrix file (an SQLite file of another application)</source>
        <translation>{file} ist keine KPM-Matrixdatei (eine SQLite-Datei eines anderen Programms)</translation>
    </message>
    <message>
        <source>{file} is not a KPM matrix file (not an SQLite database)</source>
        <translation>{file} ist keine KPM-Matrixdatei (keine SQLite-Datenbank)</translation>
    </message>
    <message>
        <source>{file} is on a read-only drive</source>
        <translation>{file} liegt auf einem schreibgeschützten Laufwerk</translation>
    </message>
    <message>
        <source>{file} is on a read-only drive: nothing can be changed there; copy it to a writable folder first</source>
        <translation>{file} liegt auf einem schreibgeschützten Laufwerk: dort kann nichts geändert werden; kopieren Sie die Datei zuerst in einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <source>{file} is open read-only</source>
        <translation>{file} ist nur zum Lesen geöffnet</translation>
    </message>
    <message>
        <source>{file} is opened read-only: its disk is full ({free_kb} KB free), so no change could be saved; free some space and open it again to edit</source>
        <translation>{file} ist nur zum Lesen geöffnet: sein Laufwerk ist voll ({free_kb} KB frei), keine Änderung könnte gespeichert werden; schaffen Sie Platz und öffnen Sie die Datei erneut, um sie zu bearbeiten</translation>
    </message>
    <message>
        <source>{file} is read-only (file permissions)</source>
        <translation>{file} ist schreibgeschützt (Dateirechte)</translation>
    </message>
    <message>
        <source>{file} uses an older file format and must be opened for writing once to update</source>
        <translation>{file} hat ein älteres Dateiformat und muss einmal zum Bearbeiten geöffnet werden, um es zu aktualisieren</translation>
    </message>
    <message>
        <source>{file} was written by a newer KPM Desktop (file format {version}, this version reads up to {supported}); please update KPM Desktop</source>
        <translation>{file} wurde von einem neueren KPM Desktop geschrieben (Dateiformat {version}, diese Version liest bis {supported}); bitte aktualisieren Sie KPM Desktop</translation>
    </message>
    <message>
        <source>{file}: cannot back up in the middle of a change</source>
        <translation>{file}: während einer Änderung kann nicht gesichert werden</translation>
    </message>
    <message>
        <source>{file}: the change log was merged into the file again</source>
        <translation>{file}: das Änderungsprotokoll wurde wieder in die Datei übernommen</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} existiert nicht</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} ist keine Datei</translation>
    </message>
</context>
<context>
    <name>structure_commands</name>
    <message>
        <source>Reorder product groups</source>
        <translation>Produktgruppen umordnen</translation>
    </message>
    <message>
        <source>Reorder products</source>
        <translation>Produkte umordnen</translation>
    </message>
    <message>
        <source>Activate customer “%1”</source>
        <translation>Kunde „%1“ aktivieren</translation>
    </message>
    <message>
        <source>Deactivate customer “%1”</source>
        <translation>Kunde „%1“ deaktivieren</translation>
    </message>
    <message>
        <source>Activate product “%1”</source>
        <translation>Produkt „%1“ aktivieren</translation>
    </message>
    <message>
        <source>Deactivate product “%1”</source>
        <translation>Produkt „%1“ deaktivieren</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>--resolve {spec}: use ID=mine, ID=theirs, all=mine or all=theirs</source>
        <translation>--resolve {spec}: verwenden Sie ID=mine, ID=theirs, all=mine oder all=theirs</translation>
    </message>
    <message>
        <source>a rep needs a territory: give at least one --region or --owner</source>
        <translation>ein Außendienst-Mitglied braucht ein Gebiet: geben Sie mindestens ein --region oder --owner an</translation>
    </message>
    <message>
        <source>a secure (TLS) connection to {where} could not be verified; check the server certificate and sslrootcert (your local changes are kept)</source>
        <translation>eine sichere (TLS-)Verbindung zu {where} konnte nicht bestätigt werden; prüfen Sie das Serverzertifikat und sslrootcert (Ihre lokalen Änderungen bleiben erhalten)</translation>
    </message>
    <message>
        <source>conflict {id}: your role may not change this {kind}; only &apos;theirs&apos; settles it</source>
        <translation>Konflikt {id}: Ihre Rolle darf dies ({kind}) nicht ändern; nur „theirs“ (deren Fassung) löst ihn</translation>
    </message>
    <message>
        <source>only a manager can publish the team matrix</source>
        <translation>nur eine Führungskraft (Manager) kann die Team-Matrix veröffentlichen</translation>
    </message>
    <message>
        <source>setting up the team server stopped at its first step (team format 1): the server refused one of its statements (SQL error {code}); nothing was created; ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation>die Einrichtung des Team-Servers hat beim ersten Schritt (Teamformat 1) angehalten: der Server hat eine seiner Anweisungen abgelehnt (SQL-Fehler {code}); es wurde nichts angelegt; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen, und führen Sie dann „kpm team init“ erneut aus</translation>
    </message>
    <message>
        <source>setting up the team server stopped at its last step, the team&apos;s access rights: the server refused one of its statements (SQL error {code}); that step was undone (the server is at team format {version}); ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation>die Einrichtung des Team-Servers hat beim letzten Schritt, den Zugriffsrechten des Teams, angehalten: der Server hat eine seiner Anweisungen abgelehnt (SQL-Fehler {code}); dieser Schritt wurde zurückgenommen (der Server ist bei Teamformat {version}); bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen, und führen Sie dann „kpm team init“ erneut aus</translation>
    </message>
    <message>
        <source>setting up the team server stopped at the step to team format {version}: the server refused one of its statements (SQL error {code}); that step was undone and the server stays at team format {before}; ask the database administrator to look at the server log for {code}, then run &apos;kpm team init&apos; again</source>
        <translation>die Einrichtung des Team-Servers hat beim Schritt zu Teamformat {version} angehalten: der Server hat eine seiner Anweisungen abgelehnt (SQL-Fehler {code}); dieser Schritt wurde zurückgenommen, der Server bleibt bei Teamformat {before}; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen, und führen Sie dann „kpm team init“ erneut aus</translation>
    </message>
    <message>
        <source>the connection to the team server {server} broke off; nothing is lost, sync again later</source>
        <translation>die Verbindung zum Team-Server {server} ist abgebrochen; nichts ist verloren, synchronisieren Sie später erneut</translation>
    </message>
    <message>
        <source>the team address is not a PostgreSQL connection URL (e.g. postgresql://server/team?sslmode=verify-full)</source>
        <translation>die Team-Adresse ist keine PostgreSQL-Verbindungs-URL (z. B. postgresql://server/team?sslmode=verify-full)</translation>
    </message>
    <message>
        <source>the team server needs an upgrade; the manager runs &apos;kpm team init&apos; once more</source>
        <translation>der Team-Server braucht ein Update; die Führungskraft führt „kpm team init“ noch einmal aus</translation>
    </message>
    <message>
        <source>the team server was set up by a newer KPM Desktop (team format {version}, this version knows up to {supported}); it was not changed, please update KPM Desktop</source>
        <translation>der Team-Server wurde von einem neueren KPM Desktop eingerichtet (Team-Format {version}, diese Version kennt bis {supported}); er wurde nicht geändert, bitte aktualisieren Sie KPM Desktop</translation>
    </message>
    <message>
        <source>the team server was set up by a newer KPM Desktop (team format {version}, this version knows up to {supported}); please update KPM Desktop</source>
        <translation>der Team-Server wurde von einem neueren KPM Desktop eingerichtet (Team-Format {version}, diese Version kennt bis {supported}); bitte aktualisieren Sie KPM Desktop</translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached; work on offline, KPM Desktop syncs again later (your local changes are kept)</source>
        <translation>der Team-Server {server} ist nicht erreichbar; arbeiten Sie offline weiter, KPM Desktop synchronisiert später erneut (Ihre lokalen Änderungen bleiben erhalten)</translation>
    </message>
    <message>
        <source>the team server {server} does not allow this for your role; ask your manager</source>
        <translation>der Team-Server {server} erlaubt das Ihrer Rolle nicht; fragen Sie Ihre Führungskraft</translation>
    </message>
    <message>
        <source>the team server {server} refused one of its statements (SQL error {code}); it was undone on the server; ask the database administrator to look at the server log for {code}</source>
        <translation>der Team-Server {server} hat eine seiner Anweisungen abgelehnt (SQL-Fehler {code}); sie wurde auf dem Server zurückgenommen; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen</translation>
    </message>
    <message>
        <source>the team server {server} refused the user name or password, or the login has expired; check them or ask your manager to renew the login (your local changes are kept and sync again later)</source>
        <translation>der Team-Server {server} hat Benutzername oder Passwort abgelehnt, oder die Anmeldung ist abgelaufen; prüfen Sie beides oder bitten Sie Ihre Führungskraft, die Anmeldung zu verlängern (Ihre lokalen Änderungen bleiben erhalten und werden später synchronisiert)</translation>
    </message>
    <message>
        <source>the team server {server} refused to hand out the team&apos;s changes (SQL error {code}); nothing was changed in your file and your changes wait for the next sync; ask the database administrator to look at the server log for {code}</source>
        <translation>der Team-Server {server} hat die Herausgabe der Änderungen des Teams abgelehnt (SQL-Fehler {code}); an Ihrer Datei wurde nichts geändert, und Ihre Änderungen warten auf die nächste Synchronisierung; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen</translation>
    </message>
    <message>
        <source>the team server {server} refused to list the team&apos;s users (SQL error {code}); nothing was changed; ask the database administrator to look at the server log for {code}</source>
        <translation>der Team-Server {server} hat es abgelehnt, die Mitglieder des Teams aufzulisten (SQL-Fehler {code}); es wurde nichts geändert; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen</translation>
    </message>
    <message>
        <source>the team server {server} refused to store your changes (SQL error {code}); none of them was taken, nothing was changed in your file and they wait for the next sync; ask the database administrator to look at the server log for {code}</source>
        <translation>der Team-Server {server} hat es abgelehnt, Ihre Änderungen zu speichern (SQL-Fehler {code}); keine davon wurde übernommen, an Ihrer Datei wurde nichts geändert, und sie warten auf die nächste Synchronisierung; bitten Sie die Datenbank-Administration, im Server-Protokoll nach {code} zu sehen</translation>
    </message>
    <message>
        <source>the team server {server} undid the sync because another session changed the same data at the same time (SQL error {code}); nothing was changed in your file; sync again</source>
        <translation>der Team-Server {server} hat die Synchronisierung zurückgenommen, weil gleichzeitig eine andere Sitzung dieselben Daten geändert hat (SQL-Fehler {code}); an Ihrer Datei wurde nichts geändert; synchronisieren Sie erneut</translation>
    </message>
    <message>
        <source>there is no open conflict {id} (see &apos;kpm sync FILE --json&apos;)</source>
        <translation>es gibt keinen offenen Konflikt {id} (siehe „kpm sync DATEI --json“)</translation>
    </message>
    <message>
        <source>there is no open conflict {id}; &apos;kpm merge {mine} {theirs} --json&apos; lists the open ones</source>
        <translation>es gibt keinen offenen Konflikt {id}; „kpm merge {mine} {theirs} --json“ listet die offenen auf</translation>
    </message>
    <message>
        <source>there is no team database at {where}; check the address</source>
        <translation>unter {where} gibt es keine Team-Datenbank; prüfen Sie die Adresse</translation>
    </message>
    <message>
        <source>this database holds no team yet; the manager runs &apos;kpm team init&apos; first</source>
        <translation>diese Datenbank enthält noch kein Team; die Führungskraft führt zuerst „kpm team init“ aus</translation>
    </message>
    <message>
        <source>this team already has a matrix; join it with &apos;kpm team clone&apos;</source>
        <translation>dieses Team hat schon eine Matrix; treten Sie ihm mit „kpm team clone“ bei</translation>
    </message>
    <message>
        <source>unknown role {role}; use rep, manager or viewer</source>
        <translation>unbekannte Rolle {role}; verwenden Sie rep, manager oder viewer</translation>
    </message>
    <message>
        <source>you may not connect to the team at {where}; ask your manager</source>
        <translation>Sie dürfen sich nicht mit dem Team unter {where} verbinden; fragen Sie Ihre Führungskraft</translation>
    </message>
    <message>
        <source>your login on {where} has expired; ask your manager to renew it (your local changes are kept)</source>
        <translation>Ihre Anmeldung bei {where} ist abgelaufen; bitten Sie Ihre Führungskraft, sie zu verlängern (Ihre lokalen Änderungen bleiben erhalten)</translation>
    </message>
    <message>
        <source>{file} cannot be created there: {detail}</source>
        <translation>{file} kann dort nicht angelegt werden: {detail}</translation>
    </message>
    <message>
        <source>{file} is already part of a team; use &apos;kpm sync&apos;</source>
        <translation>{file} gehört schon zu einem Team; verwenden Sie „kpm sync“</translation>
    </message>
    <message>
        <source>{file} is not part of a team, so &apos;kpm sync&apos; cannot settle its conflicts; they come from a merge: &apos;kpm merge {file} THEIRS --resolve ID=mine|theirs&apos; settles them</source>
        <translation>{file} gehört zu keinem Team, daher kann „kpm sync“ seine Konflikte nicht klären; sie stammen aus einer Zusammenführung: „kpm merge {file} IHRE --resolve ID=mine|theirs“ klärt sie</translation>
    </message>
    <message>
        <source>{file} is not part of a team; join one with &apos;kpm team clone&apos; (or publish it with &apos;kpm team publish&apos;)</source>
        <translation>{file} gehört zu keinem Team; treten Sie einem mit „kpm team clone“ bei (oder veröffentlichen Sie sie mit „kpm team publish“)</translation>
    </message>
    <message>
        <source>{name} cannot be a user name: use letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;@&apos; or &apos;-&apos; (at most 63 characters, starting with a letter)</source>
        <translation>{name} kann kein Benutzername sein: verwenden Sie Buchstaben, Ziffern, „_“, „.“, „@“ oder „-“ (höchstens 63 Zeichen, beginnend mit einem Buchstaben)</translation>
    </message>
    <message>
        <source>{where} holds no team yet; the manager runs &apos;kpm team init&apos; first</source>
        <translation>{where} enthält noch kein Team; die Führungskraft führt zuerst „kpm team init“ aus</translation>
    </message>
    <message>
        <source>{who} is not a member of this team; ask your manager</source>
        <translation>{who} ist kein Mitglied dieses Teams; fragen Sie Ihre Führungskraft</translation>
    </message>
</context>
<context>
    <name>trip_commands</name>
    <message>
        <source>Plan trip “%1”</source>
        <translation>Tour „%1“ planen</translation>
    </message>
    <message>
        <source>Edit trip “%1”</source>
        <translation>Tour „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete trip “%1”</source>
        <translation>Tour „%1“ löschen</translation>
    </message>
</context>
</TS>
