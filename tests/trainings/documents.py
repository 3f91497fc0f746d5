# ruff: noqa: E501  (the lines are as long as the publishers write them)
"""The long XML documents of the trainings importers' tests, written for the tests in the publishers' formats
(``sources.py`` writes them into a folder): every establishment, person, address and publication is invented. The
layout matters line for line (the tests name the line where a problem is); the sessions of the LHÉO offer, alike
but for their values, are written by ``lheo_session``."""


def lheo_session(numero, start, end, address, *more):
    """A LHÉO <session> (without a numero attribute when ``numero`` is None) from ``start`` to ``end``, registering
    at ``address`` (line, postcode, city); ``more``: its last lines."""
    attribute = f' numero="{numero}"' if numero else ""
    line, postcode, city = address
    return "\n".join([
        f"<session{attribute}>", "<periode>", f"<debut>{start}</debut>", f"<fin>{end}</fin>", "</periode>",
        "<adresse-inscription>", "<adresse>", f"<ligne>{line}</ligne>", f"<codepostal>{postcode}</codepostal>",
        f"<ville>{city}</ville>", "</adresse>", "</adresse-inscription>", *more, "</session>",
    ])  # fmt: skip


SAINT_MALO = ("3 quai Duguay-Trouin", "35400", "Saint-Malo")
A1_S2 = lheo_session("S2", "20260901", "20280630", ("12 rue de la Fontaine", "35000", "Rennes"),
                     "<etat-recrutement>2</etat-recrutement>")  # fmt: skip
A2_SESSIONS = "\n".join([
    lheo_session("S1", "20251103", "20260626", SAINT_MALO), lheo_session("S2", "20260300", "20270000", SAINT_MALO),
    lheo_session("S3", "00000000", "99999999", ("Zone de Beaulieu", "35500", "Vitré")),
])  # fmt: skip
REMISE_SESSION = lheo_session(None, "20250915", "20251219", ("Maison de quartier", "35700", "Rennes"))
# LHÉO 2.3, a regional offer: a formation with two actions (one with two places) and five sessions, a formation
# with the optional parts missing ("-" placeholders, no certification, a session without numero).
LHEO_BRETAGNE = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<lheo xmlns="http://lheo.gouv.fr/2.3" horodatage-export="2025-10-02T06:15:00+02:00">
<offres>
<formation numero="14_AF_0000101" datemaj="20250915">
<domaine-formation>
<code-FORMACODE ref="V13">42752</code-FORMACODE>
<code-FORMACODE ref="V13">42788</code-FORMACODE>
<code-NSF>221</code-NSF>
<code-ROME>D1102</code-ROME>
<code-ROME>D1104</code-ROME>
</domaine-formation>
<intitule-formation>CAP boulanger</intitule-formation>
<objectif-formation>&lt;p&gt;Fabriquer les pains et viennoiseries.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</objectif-formation>
<resultats-attendus>CAP boulanger (diplôme de niveau 3)</resultats-attendus>
<contenu-formation>Pétrissage, façonnage, cuisson.
Hygiène et sécurité alimentaire.</contenu-formation>
<certifiante>1</certifiante>
<contact-formation>
<coordonnees>
<nom>Le Goff</nom>
<prenom>Anne</prenom>
<telfixe><numtel>02 99 00 00 01</numtel></telfixe>
<courriel>anne.legoff@cfa-exemple.bzh</courriel>
</coordonnees>
</contact-formation>
<parcours-de-formation>1</parcours-de-formation>
<code-niveau-entree>1</code-niveau-entree>
<certification>
<code-RNCP>37084</code-RNCP>
<code-CERTIFINFO>100123</code-CERTIFINFO>
</certification>
<code-niveau-sortie>4</code-niveau-sortie>
<url-formation><urlweb>https://www.cfa-exemple.bzh/cap-boulanger</urlweb></url-formation>
<action numero="A1">
<rythme-formation>2 semaines en centre, 2 semaines en entreprise</rythme-formation>
<code-public-vise ref="V13">82027</code-public-vise>
<code-public-vise ref="V13">83056</code-public-vise>
<niveau-entree-obligatoire>0</niveau-entree-obligatoire>
<modalites-alternance>Contrat d'apprentissage de 24 mois</modalites-alternance>
<modalites-enseignement>0</modalites-enseignement>
<conditions-specifiques>Avoir signé un contrat d'apprentissage</conditions-specifiques>
<prise-en-charge-frais-possible>1</prise-en-charge-frais-possible>
<lieu-de-formation>
<coordonnees>
<ligne>CFA Exemple - site de Rennes</ligne>
<adresse>
<ligne>12 rue de la Fontaine</ligne>
<codepostal>35000</codepostal>
<ville>Rennes</ville>
<departement>35</departement>
<code-INSEE-commune>35238</code-INSEE-commune>
<region>53</region>
<pays>FR</pays>
<geolocalisation>
<latitude>48.1113</latitude>
<longitude>-1.6800</longitude>
</geolocalisation>
</adresse>
<telfixe><numtel>02 99 00 00 00</numtel></telfixe>
</coordonnees>
<SIRET-lieu-formation>
<SIRET>12345678900019</SIRET>
<code-UAI>0350999Z</code-UAI>
</SIRET-lieu-formation>
</lieu-de-formation>
<modalites-entrees-sorties>0</modalites-entrees-sorties>
<session numero="S1">
<periode>
<debut>20250901</debut>
<fin>20270630</fin>
</periode>
<adresse-inscription>
<adresse>
<ligne>12 rue de la Fontaine</ligne>
<codepostal>35000</codepostal>
<ville>Rennes</ville>
<code-INSEE-commune>35238</code-INSEE-commune>
</adresse>
</adresse-inscription>
<modalites-inscription>Sur dossier puis entretien</modalites-inscription>
<periode-inscription>
<periode>
<debut>20250301</debut>
<fin>20250831</fin>
</periode>
</periode-inscription>
<etat-recrutement>1</etat-recrutement>
</session>
{A1_S2}
<duree-indicative>2 ans</duree-indicative>
<nombre-heures-centre>800</nombre-heures-centre>
<nombre-heures-entreprise>2400</nombre-heures-entreprise>
<nombre-heures-total>3200</nombre-heures-total>
<organisme-formateur>
<SIRET-formateur><SIRET>12345678900019</SIRET></SIRET-formateur>
<raison-sociale-formateur>CFA Exemple</raison-sociale-formateur>
</organisme-formateur>
<organisme-financeur>
<code-financeur>2</code-financeur>
<nb-places-financees>12</nb-places-financees>
</organisme-financeur>
<extras info="apprentissage">
<extra info="code-CFD">50022137</extra>
</extras>
</action>
<action numero="A2">
<rythme-formation>Temps plein</rythme-formation>
<code-public-vise ref="V13">80006</code-public-vise>
<niveau-entree-obligatoire>0</niveau-entree-obligatoire>
<modalites-alternance>Stage en entreprise de 6 semaines</modalites-alternance>
<modalites-enseignement>1</modalites-enseignement>
<conditions-specifiques>-</conditions-specifiques>
<prise-en-charge-frais-possible>1</prise-en-charge-frais-possible>
<lieu-de-formation>
<coordonnees>
<adresse>
<denomination>Antenne de Saint-Malo</denomination>
<ligne>3 quai Duguay-Trouin</ligne>
<codepostal>35400</codepostal>
<ville>Saint-Malo</ville>
<code-INSEE-commune>35288</code-INSEE-commune>
</adresse>
</coordonnees>
</lieu-de-formation>
<lieu-de-formation>
<coordonnees>
<adresse>
<ligne>Zone de Beaulieu</ligne>
<codepostal>35500</codepostal>
<ville>Vitré</ville>
<code-INSEE-commune>35360</code-INSEE-commune>
<geolocalisation><latitude>48.1236</latitude><longitude>-1.2081</longitude></geolocalisation>
</adresse>
</coordonnees>
</lieu-de-formation>
<modalites-entrees-sorties>1</modalites-entrees-sorties>
{A2_SESSIONS}
<prix-total-TTC>6480.50</prix-total-TTC>
<organisme-financeur>
<code-financeur>2</code-financeur>
</organisme-financeur>
<organisme-financeur>
<code-financeur>4</code-financeur>
<nb-places-financees>8</nb-places-financees>
</organisme-financeur>
</action>
<organisme-formation-responsable>
<numero-activite>53350000035</numero-activite>
<SIRET-organisme-formation>
<SIRET>12345678900019</SIRET>
<code-UAI>0350999Z</code-UAI>
</SIRET-organisme-formation>
<nom-organisme>CFA Exemple</nom-organisme>
<raison-sociale>Association CFA Exemple</raison-sociale>
<coordonnees-organisme>
<coordonnees>
<adresse>
<ligne>12 rue de la Fontaine</ligne>
<codepostal>35000</codepostal>
<ville>Rennes</ville>
<code-INSEE-commune>35238</code-INSEE-commune>
<geolocalisation><latitude>48.1113</latitude><longitude>-1.6800</longitude></geolocalisation>
</adresse>
<telfixe><numtel>02 99 00 00 00</numtel></telfixe>
<courriel>contact@cfa-exemple.bzh</courriel>
<web><urlweb>www.cfa-exemple.bzh</urlweb></web>
</coordonnees>
</coordonnees-organisme>
<contact-organisme>
<coordonnees>
<nom>Accueil</nom>
<telfixe><numtel>02 99 00 00 00</numtel></telfixe>
</coordonnees>
</contact-organisme>
</organisme-formation-responsable>
<extras info="carif">
<extra info="id-carif">AF_101</extra>
</extras>
</formation>
<formation numero="14_AF_0000202">
<domaine-formation>
</domaine-formation>
<intitule-formation>Remise à niveau en français</intitule-formation>
<objectif-formation>Lire, écrire, compter.</objectif-formation>
<resultats-attendus>-</resultats-attendus>
<contenu-formation>-</contenu-formation>
<certifiante>0</certifiante>
<contact-formation>
<coordonnees>
</coordonnees>
</contact-formation>
<parcours-de-formation>2</parcours-de-formation>
<code-niveau-entree>0</code-niveau-entree>
<action numero="A1">
<rythme-formation>Temps partiel</rythme-formation>
<code-public-vise ref="V13">80006</code-public-vise>
<niveau-entree-obligatoire>0</niveau-entree-obligatoire>
<modalites-alternance>-</modalites-alternance>
<modalites-enseignement>0</modalites-enseignement>
<conditions-specifiques>-</conditions-specifiques>
<prise-en-charge-frais-possible>0</prise-en-charge-frais-possible>
<lieu-de-formation>
<coordonnees>
<adresse>
<ligne>Maison de quartier</ligne>
<codepostal>35700</codepostal>
<ville>Rennes</ville>
</adresse>
</coordonnees>
</lieu-de-formation>
<modalites-entrees-sorties>1</modalites-entrees-sorties>
{REMISE_SESSION}
</action>
<organisme-formation-responsable>
<numero-activite>53350000099</numero-activite>
<SIRET-organisme-formation>
<SIRET>987 654 321 00018</SIRET>
</SIRET-organisme-formation>
<nom-organisme>Association Lire Ensemble</nom-organisme>
<raison-sociale>-</raison-sociale>
<coordonnees-organisme>
<coordonnees>
</coordonnees>
</coordonnees-organisme>
<contact-organisme>
<coordonnees>
</coordonnees>
</contact-organisme>
</organisme-formation-responsable>
</formation>
</offres>
</lheo>
"""


# LHÉO 2.2 as ONISEP exported it (written in ISO-8859-1): escaped HTML, extras, the same numero at each level.
LHEO_ONISEP = """\
<?xml version="1.0" encoding="ISO-8859-1"?>
<lheo xmlns="http://www.lheo.org/2.2">
<offres>
<formation numero="9436_18706">
<domaine-formation>
<code-FORMACODE ref="V11" tag="principal">34582</code-FORMACODE>
<code-NSF>312</code-NSF>
<code-ROME>D1402</code-ROME>
</domaine-formation>
<intitule-formation>BTS négociation et relation client</intitule-formation>
<objectif-formation>&lt;p&gt;A la fois vendeur, manager et commercial.&lt;/p&gt;</objectif-formation>
<resultats-attendus>&lt;p&gt;&lt;b&gt;Les objectifs :&lt;/b&gt; vendre.&lt;/p&gt;</resultats-attendus>
<contenu-formation>&lt;ul&gt;&lt;li&gt;Gestion de clientèles&lt;/li&gt;&lt;/ul&gt;</contenu-formation>
<certifiante>1</certifiante>
<contact-formation>
<coordonnees>
</coordonnees>
</contact-formation>
<parcours-de-formation>4</parcours-de-formation>
<code-niveau-entree>0</code-niveau-entree>
<certification>
<code-RNCP>474</code-RNCP>
<code-CERTIFINFO>19004</code-CERTIFINFO>
</certification>
<code-niveau-sortie>6</code-niveau-sortie>
<url-formation>
<urlweb>www.exemple.fr/bts-nrc.htm</urlweb>
</url-formation>
<action numero="9436_18706">
<rythme-formation>Temps plein</rythme-formation>
<code-public-vise ref="V11">81061</code-public-vise>
<niveau-entree-obligatoire>1</niveau-entree-obligatoire>
<modalites-alternance>-</modalites-alternance>
<modalites-enseignement>0</modalites-enseignement>
<conditions-specifiques>-</conditions-specifiques>
<prise-en-charge-frais-possible>1</prise-en-charge-frais-possible>
<lieu-de-formation>
<coordonnees numero="16">
<ligne>Lycée Exemple de Kerbrest</ligne>
<adresse numero="16">
<ligne>Kerbrest</ligne>
<codepostal>29391</codepostal>
<ville>QUIMPERLÉ</ville>
<departement>29</departement>
<code-INSEE-commune>29233</code-INSEE-commune>
<region>53</region>
<pays>FR</pays>
<geolocalisation>
<latitude>47.880512</latitude>
<longitude>-3.5511234</longitude>
</geolocalisation>
</adresse>
</coordonnees>
<extras info="ETAB ONISEP">
<extra info="ETA_ID LIEU ONISEP">16</extra>
</extras>
</lieu-de-formation>
<modalites-entrees-sorties>0</modalites-entrees-sorties>
<url-action>
<urlweb>lycee-exemple-kerbrest.fr</urlweb>
</url-action>
<session numero="9436_18706">
<periode>
<debut>20150901</debut>
<fin>20170831</fin>
</periode>
<adresse-inscription>
<adresse numero="16">
<ligne>Lycée Exemple de Kerbrest</ligne>
<ligne>Kerbrest</ligne>
<codepostal>29391</codepostal>
<ville>QUIMPERLÉ</ville>
</adresse>
</adresse-inscription>
</session>
<hebergement>Internat garçons-filles</hebergement>
<duree-indicative>2 ans</duree-indicative>
<extras info="type-formation">
<extra info="formation-initiale">1</extra>
</extras>
</action>
<organisme-formation-responsable numero="16">
<numero-activite>99999999999</numero-activite>
<SIRET-organisme-formation>
<SIRET>19299999900012</SIRET>
</SIRET-organisme-formation>
<nom-organisme>Lycée Exemple de Kerbrest</nom-organisme>
<raison-sociale>-</raison-sociale>
<coordonnees-organisme>
<coordonnees numero="16">
<adresse numero="16">
<ligne>Kerbrest</ligne>
<codepostal>29391</codepostal>
<ville>QUIMPERLÉ</ville>
<code-INSEE-commune>29233</code-INSEE-commune>
</adresse>
<telfixe>
<numtel>02 98 00 00 16</numtel>
</telfixe>
<courriel>ce.0299999z@ac-rennes.fr</courriel>
</coordonnees>
</coordonnees-organisme>
<contact-organisme>
<coordonnees numero="16">
<courriel>ce.0299999z@ac-rennes.fr</courriel>
</coordonnees>
</contact-organisme>
</organisme-formation-responsable>
<extras info="FORMATION ONISEP">
<extra info="DATE EXPORT ONISEP">20151203</extra>
<extra info="FOR_ID ONISEP">9436</extra>
<extra info="CODE CFD">32031213</extra>
</extras>
</formation>
</offres>
</lheo>
"""


# Idéo-Fiches formations: HTML in CDATA and escaped, poursuites naming an id, a title of the file or neither.
ONISEP_FORMATIONS = """\
<?xml version="1.0" encoding="UTF-8"?><formations xmlns:exsl="http://exslt.org/common">
    <formation>
        <identifiant>FOR.1000</identifiant>
        <code_scolarite>16X20003</code_scolarite>
        <libelle_complet>mastère spé. Management de la qualité et de l'environnement (exemple)</libelle_complet>
        <sigle/>
        <libelle_generique/>
        <libelle_specifique/>
        <type_option/>
        <type_Formation>
            <type_formation_sigle>mastère spé.</type_formation_sigle>
            <type_formation_libelle_court>MASTERE SPE</type_formation_libelle_court>
            <type_formation_libelle>mastère spécialisé</type_formation_libelle>
        </type_Formation>
        <duree_formation>1 an</duree_formation>
        <descriptif_format_court/>
        <descriptif_acces/>
        <url>https://www.francecompetences.fr/recherche/rncp/37084/</url>
        <nsf_discipline>
            <NSF_discipline_code>200</NSF_discipline_code>
            <NSF_discipline_libelle>Spécialités pluritechnologiques de la production</NSF_discipline_libelle>
        </nsf_discipline>
        <nsf_fonction>
            <NSF_fonction_code>R</NSF_fonction_code>
            <NSF_fonction_libelle>Contrôle, prévention, entretien</NSF_fonction_libelle>
        </nsf_fonction>
        <niveau_certification>niveau 7 (bac + 5)</niveau_certification>
        <niveau_etudes>
            <id>REF.423</id>
            <libelle>Bac + 6</libelle>
        </niveau_etudes>
        <niv_code>16X</niv_code>
        <annee_premiere_session/>
        <annee_derniere_session/>
        <nature_certificat>
            <libelle_nature_certificat>Label de la Conférence des grandes écoles</libelle_nature_certificat>
            <libelle_nature_certificat>Formation inscrite au RNCP</libelle_nature_certificat>
        </nature_certificat>
        <attendus/>
        <element_enseignement/>
        <sous_tutelle/>
        <descriptif_poursuite_etudes/>
        <poursuites_etudes/>
        <metiers_formation>
            <metier>
                <id>MET.774</id>
                <nom_metier>conseiller/ère en environnement</nom_metier>
                <libelle_feminin>conseillère en environnement</libelle_feminin>
                <libelle_masculin>conseiller en environnement</libelle_masculin>
                <synonymes>
                    <synonyme>
                        <nom_metier>écoconseiller/ère</nom_metier>
                        <libelle_feminin>écoconseillère</libelle_feminin>
                        <libelle_masculin>écoconseiller</libelle_masculin>
                    </synonyme>
                </synonymes>
            </metier>
            <metier>
                <id>MET.878</id>
                <nom_metier>ingénieur/e R&amp;D déchets </nom_metier>
                <libelle_feminin>ingénieure R&amp;D déchets</libelle_feminin>
                <libelle_masculin>ingénieur R&amp;D déchets</libelle_masculin>
                <synonymes/>
            </metier>
        </metiers_formation>
        <publications/>
        <sources_numeriques/>
        <sous_domaines_web>
            <sous_domaine_web>
                <id>T-IDEO2.4449</id>
                <libelle>administration de l'entreprise</libelle>
            </sous_domaine_web>
            <sous_domaine_web>
                <id>T-IDEO2.4477</id>
                <libelle>environnement (généralités)</libelle>
            </sous_domaine_web>
        </sous_domaines_web>
        <creation_date>11/03/2021</creation_date>
        <modification_date>23/05/2024</modification_date>
    </formation>
    <formation>
        <identifiant>FOR.10001</identifiant>
        <code_scolarite>46123301</code_scolarite>
        <libelle_complet>MC (futur CS) peinture décoration</libelle_complet>
        <sigle/>
        <libelle_generique/>
        <libelle_specifique/>
        <type_option/>
        <type_Formation>
            <type_formation_sigle>MC (futur CS)</type_formation_sigle>
            <type_formation_libelle_court>MC (futur CS)</type_formation_libelle_court>
            <type_formation_libelle>mention complémentaire (futur CS)</type_formation_libelle>
        </type_Formation>
        <duree_formation>1 an</duree_formation>
        <descriptif_format_court><![CDATA[
            <p>Le titulaire de ce diplôme est peintre décorateur.</p>
            <p onclick="steal()">Il réalise des finitions décoratives : imitations de marbres et de bois, trompe-l'œil…</p><script>alert(1)</script>]]></descriptif_format_court>
        <descriptif_acces>&lt;p&gt;Après un CAP &lt;strong&gt;peintre applicateur&lt;/strong&gt; ou un bac pro.&lt;/p&gt;</descriptif_acces>
        <url>http://eduscol.education.fr/referentiels-professionnels/exemple.html</url>
        <nsf_discipline>
            <NSF_discipline_code>233</NSF_discipline_code>
            <NSF_discipline_libelle>Bâtiment : finitions</NSF_discipline_libelle>
        </nsf_discipline>
        <nsf_fonction>
            <NSF_fonction_code>S</NSF_fonction_code>
            <NSF_fonction_libelle>Production</NSF_fonction_libelle>
        </nsf_fonction>
        <niveau_certification>niveau 4 (bac ou équivalent)</niveau_certification>
        <niveau_etudes>
            <id>REF.420</id>
            <libelle>Bac + 1</libelle>
        </niveau_etudes>
        <niv_code>461</niv_code>
        <annee_premiere_session>2016</annee_premiere_session>
        <annee_derniere_session/>
        <nature_certificat>
            <libelle_nature_certificat>Diplôme national ou diplôme d'État</libelle_nature_certificat>
        </nature_certificat>
        <attendus><![CDATA[
            <h5>Attendus nationaux de la plateforme d'inscription dans l'enseignement supérieur Parcoursup</h5>
            <ul>
                <li><p>Etre titulaire du baccalauréat professionnel aménagement et finitions du bâtiment.</p></li>
            </ul>]]></attendus>
        <element_enseignement>
            <element_enseignement_libelle>dorure</element_enseignement_libelle>
            <element_enseignement_libelle>faux bois et faux marbres</element_enseignement_libelle>
        </element_enseignement>
        <sous_tutelle>Ministère chargé de l'Éducation nationale et de la Jeunesse</sous_tutelle>
        <descriptif_poursuite_etudes><![CDATA[<p>Le diplôme vise l'insertion professionnelle.</p>]]></descriptif_poursuite_etudes>
        <poursuites_etudes>
            <poursuite_etudes>
                <type_Poursuite>poursuite d'études conditionnelle</type_Poursuite>
                <formation_poursuite_Etudes>BP peintre applicateur de revêtements</formation_poursuite_Etudes>
                <formation_poursuite_Etudes>BTS aménagement finition (FOR.2345)</formation_poursuite_Etudes>
                <formation_poursuite_Etudes>chargé d'accompagnement social et professionnel</formation_poursuite_Etudes>
            </poursuite_etudes>
        </poursuites_etudes>
        <metiers_formation>
            <metier>
                <id>MET.10</id>
                <nom_metier>peintre en bâtiment</nom_metier>
                <libelle_feminin>peintre en bâtiment</libelle_feminin>
                <libelle_masculin>peintre en bâtiment</libelle_masculin>
                <synonymes/>
            </metier>
        </metiers_formation>
        <publications>
            <publication>
                <titre_publication>Les métiers de la finition (exemple)</titre_publication>
                <code_librairie>9782000000609</code_librairie>
                <collection>Parcours</collection>
                <editeur>ONISEP</editeur>
                <annee>2023</annee>
            </publication>
        </publications>
        <sources_numeriques>
            <source>http://www.batiment-exemple.fr</source>
        </sources_numeriques>
        <sous_domaines_web>
            <sous_domaine_web>
                <id>T-IDEO2.4386</id>
                <libelle>finitions, aménagement</libelle>
            </sous_domaine_web>
        </sous_domaines_web>
        <creation_date>22/04/2024</creation_date>
        <modification_date>16/05/2024</modification_date>
    </formation>
    <formation>
        <identifiant>FOR.6913</identifiant>
        <code_scolarite/>
        <libelle_complet>Chargé d'accompagnement social et professionnel</libelle_complet>
        <sigle/>
        <libelle_generique/>
        <libelle_specifique/>
        <type_option/>
        <type_Formation>
            <type_formation_libelle>formation d'école spécialisée</type_formation_libelle>
        </type_Formation>
        <duree_formation>2 ans</duree_formation>
        <descriptif_format_court/>
        <descriptif_acces/>
        <url>https://www.francecompetences.fr/recherche/rncp/7426</url>
        <nsf_discipline/>
        <nsf_fonction/>
        <niveau_certification>non inscrit au RNCP</niveau_certification>
        <niveau_etudes>
            <id>REF.411</id>
            <libelle>Bac + 2</libelle>
        </niveau_etudes>
        <niv_code/>
        <annee_premiere_session/>
        <annee_derniere_session/>
        <nature_certificat/>
        <attendus/>
        <element_enseignement/>
        <sous_tutelle/>
        <descriptif_poursuite_etudes/>
        <poursuites_etudes>
            <poursuite_etudes/>
        </poursuites_etudes>
        <metiers_formation>
            <metier>
                <id>MET.455</id>
                <nom_metier>conseiller/ère en insertion sociale et professionnelle</nom_metier>
                <libelle_feminin>conseillère en insertion sociale et professionnelle</libelle_feminin>
                <libelle_masculin>conseiller en insertion sociale et professionnelle</libelle_masculin>
                <synonymes/>
            </metier>
        </metiers_formation>
        <publications/>
        <sources_numeriques/>
        <sous_domaines_web/>
        <creation_date>02/03/2019</creation_date>
        <modification_date>10/01/2025</modification_date>
    </formation>
</formations>
"""


# Idéo-Fiches métiers: CDATA texts, links to sanitise, several ROME codes (one truncated).
ONISEP_FICHES_METIERS = """\
<?xml version="1.0" encoding="UTF-8"?><metiers xmlns:exsl="http://exslt.org/common">
    <metier>
        <identifiant>MET.1</identifiant>
        <nom_metier>contrôleur/euse aérien/ne</nom_metier>
        <libelle_feminin>contrôleuse aérienne</libelle_feminin>
        <libelle_masculin>contrôleur aérien</libelle_masculin>
        <synonymes>
            <synonyme>
                <nom_metier>aiguilleur/euse du ciel</nom_metier>
                <libelle_feminin>aiguilleuse du ciel</libelle_feminin>
                <libelle_masculin>aiguilleur du ciel</libelle_masculin>
            </synonyme>
            <synonyme>
                <nom_metier>ingénieur/e du contrôle de la navigation aérienne</nom_metier>
                <libelle_feminin>ingénieure du contrôle de la navigation aérienne</libelle_feminin>
                <libelle_masculin>ingénieur du contrôle de la navigation aérienne</libelle_masculin>
            </synonyme>
        </synonymes>
        <romesV3>
            <romeV3>N2202</romeV3>
        </romesV3>
        <competences><![CDATA[
            <h5>Calme et réactif</h5>
            <p>Ce métier demande un sens aigu des responsabilités.</p>]]></competences>
        <condition_travail><![CDATA[
            <h5>Des horaires intenses et décalés</h5>
            <p>Il travaille en horaires décalés, à raison de 32 heures par semaine.</p>]]></condition_travail>
        <nature_travail><![CDATA[<h5>Un suivi en temps réel</h5><p>Le contrôleur aérien règle la circulation des avions.</p>]]></nature_travail>
        <acces_metier><![CDATA[<p>En France, les contrôleurs aériens sont des fonctionnaires. <a href="javascript:alert(1)">Concours</a> de l'<a href="https://www.aviation-exemple.fr">École exemple</a>.</p>]]></acces_metier>
        <vie_professionnelle><![CDATA[<h3>Salaire</h3><h5>Salaire du débutant</h5><p>2 500 € brut par mois.</p>]]></vie_professionnelle>
        <accroche_metier><![CDATA[<p>Garant de la sécurité et de la fluidité du trafic aérien, le contrôleur aérien guide les pilotes.</p>]]></accroche_metier>
        <formats_courts>
            <format_court>
                <type>Fiche metier (Documentation)</type>
                <libelle>ingénieur(e) du contrôle de la navigation aérienne</libelle>
                <descriptif><![CDATA[<p>Pendant toute la durée du vol, le pilote est guidé par radio.</p>]]></descriptif>
            </format_court>
            <format_court>
                <type>Dico des métiers</type>
                <libelle>contrôleur aérien / contrôleuse aérienne</libelle>
                <descriptif><![CDATA[<p>Le contrôleur aérien supervise le trafic.</p><h5>Durée des études</h5>]]></descriptif>
            </format_court>
        </formats_courts>
        <statuts>
            <statut>
                <id>T-ITM.1</id>
                <libelle>fonctionnaire</libelle>
            </statut>
        </statuts>
        <metiers_associes>
            <metier_associe>
                <id>MET.2</id>
                <libelle>pilote de ligne</libelle>
            </metier_associe>
        </metiers_associes>
        <niveau_acces_min>
            <id>REF.411</id>
            <libelle>Bac + 2</libelle>
        </niveau_acces_min>
        <formations_min_requise>
            <formation_min_requise>
                <id>FOR.4703</id>
                <libelle>ingénieur du contrôle de la navigation aérienne (exemple)</libelle>
            </formation_min_requise>
        </formations_min_requise>
        <publications>
            <publication>
                <titre_publication>Les métiers de l'aérien (exemple)</titre_publication>
                <code_librairie>9782000000708</code_librairie>
                <collection>Parcours</collection>
                <editeur>ONISEP</editeur>
                <annee>2022</annee>
            </publication>
        </publications>
        <sources_numeriques>
            <source>
                <valeur>http://www.aviation-exemple.fr</valeur>
                <commentaire>Site d'une école exemple de l'aviation civile.</commentaire>
            </source>
        </sources_numeriques>
        <secteurs_activite>
            <metier_transverse/>
            <secteur_activite>
                <id>T-IDEO2.4864</id>
                <libelle>Transport et logistique</libelle>
            </secteur_activite>
        </secteurs_activite>
        <centres_interet>
            <centre_interet>
                <id>T-IDEO2.4810</id>
                <libelle>j'aime prendre des décisions</libelle>
            </centre_interet>
        </centres_interet>
    </metier>
    <metier>
        <identifiant>MET.10</identifiant>
        <nom_metier>peintre en bâtiment</nom_metier>
        <libelle_feminin>peintre en bâtiment</libelle_feminin>
        <libelle_masculin>peintre en bâtiment</libelle_masculin>
        <synonymes/>
        <romesV3>
            <romeV3>F1606</romeV3>
        </romesV3>
        <competences/>
        <condition_travail/>
        <nature_travail/>
        <acces_metier><![CDATA[<p>Le CAP constitue le niveau minimum requis à l'embauche.</p>]]></acces_metier>
        <vie_professionnelle/>
        <accroche_metier><![CDATA[<p>Dernier ouvrier à intervenir sur un chantier, le peintre en bâtiment habille murs et plafonds.</p>]]></accroche_metier>
        <formats_courts/>
        <statuts>
            <statut>
                <id>T-ITM.2</id>
                <libelle>artisan</libelle>
            </statut>
            <statut>
                <id>T-ITM.9</id>
                <libelle>salarié</libelle>
            </statut>
        </statuts>
        <metiers_associes/>
        <niveau_acces_min>
            <id>REF.413</id>
            <libelle>CAP ou équivalent</libelle>
        </niveau_acces_min>
        <formations_min_requise>
            <formation_min_requise>
                <id>FOR.10001</id>
                <libelle>MC (futur CS) peinture décoration</libelle>
            </formation_min_requise>
            <formation_min_requise>
                <id>FOR.494</id>
                <libelle>CAP peintre applicateur de revêtements</libelle>
            </formation_min_requise>
        </formations_min_requise>
        <publications/>
        <sources_numeriques/>
        <secteurs_activite>
            <metier_transverse/>
            <secteur_activite>
                <id>T-IDEO2.4863</id>
                <libelle>Bâtiment et travaux publics (BTP)</libelle>
            </secteur_activite>
        </secteurs_activite>
        <centres_interet/>
    </metier>
    <metier>
        <identifiant>MET.323</identifiant>
        <nom_metier>agronome</nom_metier>
        <libelle_feminin>agronome</libelle_feminin>
        <libelle_masculin>agronome</libelle_masculin>
        <synonymes/>
        <romesV3>
            <romeV3>A15</romeV3>
            <romeV3>D1210</romeV3>
            <romeV3>A1503</romeV3>
        </romesV3>
        <competences/>
        <condition_travail/>
        <nature_travail/>
        <acces_metier/>
        <vie_professionnelle/>
        <accroche_metier><![CDATA[<p>L'agronome conseille les agriculteurs.</p>]]></accroche_metier>
        <formats_courts/>
        <statuts/>
        <metiers_associes/>
        <niveau_acces_min>
            <id>REF.410</id>
            <libelle>Bac + 5</libelle>
        </niveau_acces_min>
        <formations_min_requise/>
        <publications/>
        <sources_numeriques/>
        <secteurs_activite>
            <metier_transverse>oui</metier_transverse>
            <secteur_activite>
                <id>T-IDEO2.4841</id>
                <libelle>Agriculture</libelle>
            </secteur_activite>
        </secteurs_activite>
        <centres_interet/>
    </metier>
</metiers>
"""
