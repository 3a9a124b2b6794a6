// Hand-made exports for the import tests: files written byte for byte into a fresh temp folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function writeExport(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-import-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A small, well-formed export: a district, two schools, one class, two students, one parent. */
export function baseExport(): Record<string, string> {
  return {
    "orgs.csv":
      [
        "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
        "d1,,,CEPEO,district,,",
        "o1,,,École élémentaire publique Marie-Curie,school,EEP-MARIE-CURIE,d1",
        "o2,,,École secondaire publique De La Salle,school,ESP-DE-LA-SALLE,d1",
      ].join("\n") + "\n",
    "academicSessions.csv":
      "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\nsy,,,2026-2027,schoolYear,2026-09-08,2027-06-25,,2027\n",
    "courses.csv":
      "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId\nc1,,,sy,Français,FRA2D,10,d1\n",
    "classes.csv":
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,periods\nk1,,,Français 10,10,c1,FRA2D-01,scheduled,204,o2,sy,1\n",
    "users.csv":
      [
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
        "s1,,,true,o1,student,,,Léa,Tremblay,,,,,,,04,",
        "s2,,,true,o2,student,,,Mathéo,Tremblay,,,,,,,10,",
        'p1,,,true,,parent,,,Marie,Tremblay,,,Marie.Tremblay@Exemple.ca,,613-555-0142,"s1,s2",,',
        "t1,,,true,o2,teacher,,,Luc,Paquette,,,luc@exemple.ca,,,,,",
      ].join("\n") + "\n",
    "enrollments.csv":
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\ne1,,,k1,o2,s2,student,false,2026-09-08,2027-01-29\ne2,,,k1,o2,t1,teacher,true,2026-09-08,2027-01-29\n",
    "attendance.csv":
      "studentSourcedId,date,periodCode,status,excused,reason,minutes\ns1,2026-11-17,,absent,true,Maladie,\ns2,2026-11-23,1,late,false,,15\n",
  };
}
