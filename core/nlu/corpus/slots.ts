/**
 * Slot fillers for the training templates: children's first names, the board's schools (as parents
 * write them), days and periods, grades, parents' names for email signatures. Only used to build the
 * training corpus (build-corpus.ts); nothing here is read at run time.
 */
export const SLOTS: Record<string, string[]> = {
  child: [
    "Zoé", "zoe", "Mathéo", "matheo", "Léa", "Lea", "Noah", "Emma", "Liam", "Chloé", "Olivia", "William", "Jacob",
    "Alice", "Félix", "felix", "Mia", "Nathan", "Sofia", "Éloïse", "Thomas", "Amira", "Youssef", "Aïcha", "Kevin",
    "Jade", "Raphaël", "Gabriel", "Rosalie", "Ethan", "Maëlle", "Samuel", "Charlotte", "Adam", "Inès", "Logan",
  ],
  rel: [
    "ma fille", "mon fils", "mon garçon", "mon gars", "ma plus vieille", "mon plus jeune", "mon enfant", "ma cocotte",
    "ma fille {child}", "mon fils {child}", "{child}", "{child}", "{child}", "mon ado", "ma grande", "mon petit",
  ],
  relEn: [
    "my daughter", "my son", "my child", "my kid", "my oldest", "my youngest", "{child}", "{child}", "{child}",
    "my daughter {child}", "my son {child}", "my boy", "my girl", "my stepson", "my teenager",
  ],
  school: [
    "De La Salle", "Gisèle-Lalonde", "Louis-Riel", "l'Héritage", "Marie-Curie", "Séraphin-Marion", "Le Transit",
    "Rose-des-Vents", "Charlotte-Lemieux", "Omer-Deslauriers", "Francojeunesse", "Le Sommet", "Carrefour Jeunesse",
    "Michaëlle-Jean", "Mauril-Bélanger", "des Sentiers", "Maurice-Lapointe", "Jeanne-Sauvé", "Kanata", "Trille des Bois",
  ],
  day: [
    "demain", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "aujourd'hui", "hier", "lundi prochain",
    "la semaine prochaine", "cette semaine", "le 6 novembre", "vendredi passé", "la semaine passée",
  ],
  dayEn: [
    "tomorrow", "today", "yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "next Monday",
    "next week", "this week", "last week", "last Friday", "November 6",
  ],
  grade: ["en 3e année", "en 7e", "en 9e année", "en 10e", "en 12e année", "en maternelle", "au jardin", "en 5e année"],
  gradeEn: ["in grade 3", "in grade 7", "in grade 9", "in grade 10", "in grade 12", "in kindergarten", "in JK"],
  name: [
    "Marie Tremblay", "Julie Gagnon", "Martin Roy", "Sophie Bouchard", "Karim Haddad", "Nathalie Lavoie", "Éric Côté",
    "Isabelle Pelletier", "Fatima El Amrani", "Stéphane Bélanger", "Annie Lalonde", "Jean-François Morin",
    "Jennifer Smith", "Mike Brown", "Sarah Wilson", "David Nguyen", "Mélanie Gauthier", "Patrick O'Neil",
  ],
  phone: ["613-742-1234", "(613) 555-0199", "343 555 0123", "613.555.8842", "1-613-555-7788", "819-555-0147", ""],
  course: ["maths", "français", "sciences", "histoire", "anglais", "éduc", "MPM2D", "ENG1D", "chimie", "arts"],
  courseEn: ["math", "French", "science", "history", "English", "gym", "MPM2D", "chemistry", "music", "art"],
};
